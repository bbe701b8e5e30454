package dev.origo.purge.provider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.Assert;
import org.springframework.web.client.RestClient;

import dev.origo.purge.PurgeProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cloudflare: {@code POST /client/v4/zones/{zone_id}/purge_cache} with {@code {"files":[...]}} or
 * {@code {"tags":[...]}}, one kind per request. A purge succeeded only when the body says
 * {@code "success": true}; its purge id is {@code result.id}.
 */
@Component
@ConditionalOnProperty(name = "origo.purge.provider", havingValue = "cloudflare")
class CloudflarePurgeProvider implements PurgeProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloudflareProperties cloudflare;
    private final RestClient http;

    CloudflarePurgeProvider(CloudflareProperties cloudflare, PurgeProperties purge) {
        Assert.hasText(cloudflare.zoneId(), "origo.purge.cloudflare.zone-id is required");
        Assert.hasText(cloudflare.apiToken(), "origo.purge.cloudflare.api-token is required");
        this.cloudflare = cloudflare;
        this.http = PurgeHttp.restClient(purge.http(), cloudflare.api());
    }

    @Override
    public String name() {
        return "cloudflare";
    }

    @Override
    public List<PurgeRequest> requests(PurgeTargets targets) {
        List<PurgeRequest> requests = new ArrayList<>(
                PurgeRequest.chunked(PurgeRequest.Kind.URLS, targets.urls(), cloudflare.chunkSize()));
        requests.addAll(PurgeRequest.chunked(PurgeRequest.Kind.TAGS, targets.tags(), cloudflare.chunkSize()));
        return requests;
    }

    @Override
    public Optional<String> send(PurgeRequest request) {
        String field = request.kind() == PurgeRequest.Kind.URLS ? "files" : "tags";
        byte[] body = JSON.writeValueAsBytes(Map.of(field, request.values()));
        String answer = HttpPurgeAnswers.exchange("cloudflare", () -> http.post()
                .uri("/client/v4/zones/{zone}/purge_cache", cloudflare.zoneId())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + cloudflare.apiToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange((req, res) -> {
                    String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
                    HttpPurgeAnswers.check("cloudflare", res.getStatusCode(), res.getHeaders(), text);
                    return text;
                }));
        JsonNode json = parse(answer);
        if (json == null || !json.path("success").isBoolean() || !json.path("success").asBoolean()) {
            throw PurgeFailure.rejected("not_success",
                    "cloudflare did not confirm the purge: " + HttpPurgeAnswers.abbreviate(answer));
        }
        JsonNode id = json.path("result").path("id");
        return id.isString() ? Optional.of(id.asString()) : Optional.empty();
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
