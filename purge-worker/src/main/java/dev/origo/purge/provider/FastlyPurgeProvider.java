package dev.origo.purge.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

import dev.origo.purge.PurgeProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fastly: {@code POST /service/{service_id}/purge} with {@code {"surrogate_keys":[...]}}. Fastly
 * purges by surrogate key; the origin's {@code Surrogate-Key} header carries {@code asset-<id>}
 * on every public response, so a URL target ({@code /assets/<id>/download}, {@code /assets/<id>})
 * is purged through its asset's key. That also drops the asset's immutable versions from the
 * edge, which costs one refetch each and is never stale. The answer maps each key to a purge id;
 * they are recorded joined by commas.
 */
@Component
@ConditionalOnProperty(name = "origo.purge.provider", havingValue = "fastly")
class FastlyPurgeProvider implements PurgeProvider {

    static final int MAX_KEYS_PER_REQUEST = 256;
    private static final java.util.regex.Pattern ASSET_URL =
            java.util.regex.Pattern.compile(".*/assets/([0-9a-fA-F-]{36})(?:/download)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FastlyProperties fastly;
    private final RestClient http;

    FastlyPurgeProvider(FastlyProperties fastly, PurgeProperties purge) {
        Assert.hasText(fastly.serviceId(), "origo.purge.fastly.service-id is required");
        Assert.hasText(fastly.apiKey(), "origo.purge.fastly.api-key is required");
        Assert.isTrue(fastly.chunkSize() >= 1 && fastly.chunkSize() <= MAX_KEYS_PER_REQUEST,
                "origo.purge.fastly.chunk-size must be 1.." + MAX_KEYS_PER_REQUEST);
        this.fastly = fastly;
        this.http = PurgeHttp.restClient(purge.http(), fastly.api());
    }

    @Override
    public String name() {
        return "fastly";
    }

    /** Only keys: the targets' tags, and each URL's asset key; deduplicated, in order. */
    @Override
    public List<PurgeRequest> requests(PurgeTargets targets) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (String url : targets.urls()) {
            java.util.regex.Matcher asset = ASSET_URL.matcher(java.net.URI.create(url).getRawPath());
            if (asset.matches()) {
                keys.add("asset-" + asset.group(1));
            }
        }
        keys.addAll(targets.tags());
        return PurgeRequest.chunked(PurgeRequest.Kind.TAGS, List.copyOf(keys), fastly.chunkSize());
    }

    @Override
    public Optional<String> send(PurgeRequest request) {
        byte[] body = JSON.writeValueAsBytes(Map.of("surrogate_keys", request.values()));
        String answer = HttpPurgeAnswers.exchange("fastly", () -> {
            RestClient.RequestBodySpec spec = http.post()
                    .uri("/service/{service}/purge", fastly.serviceId())
                    .header("Fastly-Key", fastly.apiKey())
                    .accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_JSON);
            if (fastly.softPurge()) {
                spec = spec.header("Fastly-Soft-Purge", "1");
            }
            return spec.body(body).exchange((req, res) -> {
                String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                HttpPurgeAnswers.check("fastly", res.getStatusCode(), res.getHeaders(), text);
                return text;
            });
        });
        List<String> ids = new ArrayList<>();
        try {
            JsonNode json = JSON.readTree(answer);
            json.properties().forEach(entry -> ids.add(entry.getValue().asString()));
        } catch (RuntimeException e) {
            // A 2xx is Fastly's confirmation; the body only adds the purge ids.
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(String.join(",", ids));
    }
}
