package dev.origo.purge.provider;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import dev.origo.purge.PurgeProperties;

/**
 * Varnish or any HTTP cache: {@code PURGE <path>} per URL and {@code BAN} per tag (header
 * {@link VarnishProperties#banHeader()}), sent to every configured edge. The shipped VCL hashes
 * on the path alone, so the edge's own address is where a URL is purged, whatever the public host.
 * The purge id is what the edges answered in {@code X-Varnish} (their transaction ids).
 */
@Component
@ConditionalOnProperty(name = "origo.purge.provider", havingValue = "varnish")
class VarnishPurgeProvider implements PurgeProvider {

    private static final HttpMethod PURGE = HttpMethod.valueOf("PURGE");
    private static final HttpMethod BAN = HttpMethod.valueOf("BAN");

    private final List<URI> edges;
    private final String banHeader;
    private final RestClient http;

    VarnishPurgeProvider(VarnishProperties varnish, PurgeProperties purge) {
        this.edges = List.copyOf(varnish.edges());
        this.banHeader = varnish.banHeader();
        this.http = PurgeHttp.restClient(purge.http(), null);
    }

    @Override
    public String name() {
        return "varnish";
    }

    /** One request per URL or tag: an HTTP cache purges one object (or bans one expression) per request. */
    @Override
    public List<PurgeRequest> requests(PurgeTargets targets) {
        List<PurgeRequest> requests = new ArrayList<>(PurgeRequest.chunked(PurgeRequest.Kind.URLS, targets.urls(), 1));
        requests.addAll(PurgeRequest.chunked(PurgeRequest.Kind.TAGS, targets.tags(), 1));
        return requests;
    }

    @Override
    public Optional<String> send(PurgeRequest request) {
        List<String> ids = new ArrayList<>();
        for (URI edge : edges) {
            for (String value : request.values()) {
                ids.add(request.kind() == PurgeRequest.Kind.URLS ? purge(edge, value) : ban(edge, value));
            }
        }
        return Optional.of(String.join(",", ids));
    }

    private String purge(URI edge, String url) {
        URI target = URI.create(url);
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return HttpPurgeAnswers.exchange("varnish", () -> http.method(PURGE).uri(edge.resolve(path))
                .exchange((req, res) -> answer(res)));
    }

    private String ban(URI edge, String tag) {
        return HttpPurgeAnswers.exchange("varnish", () -> http.method(BAN).uri(edge.resolve("/"))
                .header(banHeader, tag)
                .exchange((req, res) -> answer(res)));
    }

    private static String answer(RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws java.io.IOException {
        String body = new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        HttpPurgeAnswers.check("varnish", response.getStatusCode(), response.getHeaders(), body);
        String xid = response.getHeaders().getFirst("X-Varnish");
        return xid == null ? "" : xid;
    }
}
