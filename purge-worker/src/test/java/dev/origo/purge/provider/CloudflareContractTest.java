package dev.origo.purge.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.origo.purge.PurgeProperties;
import dev.origo.purge.retry.RetryingSender;
import dev.origo.purge.retry.SendResult;

/** The Cloudflare provider against a stub of {@code POST /client/v4/zones/{zone_id}/purge_cache}. */
class CloudflareContractTest {

    private static final String PATH = "/client/v4/zones/zone-123/purge_cache";
    private static final String OK = "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":{\"id\":\"purge-9\"}}";

    private WireMockServer api;
    private CloudflarePurgeProvider cloudflare;
    private final List<String> failures = CdnApiStub.collected();
    private RetryingSender sender;

    @BeforeEach
    void start() {
        api = CdnApiStub.start();
        cloudflare = provider(3);
        sender = CdnApiStub.sender(failures);
    }

    private CloudflarePurgeProvider provider(int chunkSize) {
        return new CloudflarePurgeProvider(new CloudflareProperties(api.baseUrl(), "zone-123", "cf-token", chunkSize),
                new PurgeProperties(null, "cloudflare", null, null, null, CdnApiStub.HTTP));
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private List<SendResult> purge(PurgeTargets targets) {
        return cloudflare.requests(targets).stream().map(request -> sender.send(cloudflare, request)).toList();
    }

    @Test
    void purgesFilesAndTagsInSeparateChunkedRequestsWithTheBearerToken() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody(OK)));
        List<String> urls = IntStream.rangeClosed(1, 4).mapToObj(i -> "https://cdn.example/assets/" + i).toList();

        List<SendResult> results = purge(new PurgeTargets(urls, List.of("asset-1")));

        assertThat(results).allMatch(SendResult::purged).extracting(r -> r.purgeId().orElse(null))
                .containsOnly("purge-9");
        api.verify(exactly(3), postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer cf-token"))
                .withHeader("Content-Type", equalTo("application/json")));
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"files\":[\"https://cdn.example/assets/1\",\"https://cdn.example/assets/2\",\"https://cdn.example/assets/3\"]}")));
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson(
                "{\"files\":[\"https://cdn.example/assets/4\"]}")));
        api.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{\"tags\":[\"asset-1\"]}")));
        assertThat(api.getAllServeEvents()).extracting(e -> e.getRequest().getBodyAsString())
                .as("exact bytes, one kind per request")
                .containsExactlyInAnyOrder(
                        "{\"files\":[\"https://cdn.example/assets/1\",\"https://cdn.example/assets/2\",\"https://cdn.example/assets/3\"]}",
                        "{\"files\":[\"https://cdn.example/assets/4\"]}",
                        "{\"tags\":[\"asset-1\"]}");
    }

    @Test
    void chunksThirtyByDefault() {
        cloudflare = provider(new CloudflareProperties(api.baseUrl(), "z", "t", 30).chunkSize());
        List<String> urls = IntStream.rangeClosed(1, 61).mapToObj(i -> "https://cdn.example/" + i).toList();
        assertThat(cloudflare.requests(new PurgeTargets(urls, List.of()))).extracting(r -> r.values().size())
                .containsExactly(30, 30, 1);
    }

    @Test
    void honoursRetryAfterOnA429() {
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"success\":false,\"errors\":[{\"code\":971}]}"))
                .willSetStateTo("allowed"));
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        long started = System.nanoTime();
        List<SendResult> results = purge(new PurgeTargets(List.of("https://cdn.example/a"), List.of()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.purged()).isTrue();
            assertThat(r.attempts()).isEqualTo(2);
        });
        assertThat(took).as("waited the asked second, not the 20 ms backoff").isBetween(Duration.ofMillis(900),
                Duration.ofSeconds(4));
        assertThat(failures).containsExactly("http_429");
    }

    @Test
    void retriesServerErrors() {
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("better"));
        api.stubFor(post(PATH).inScenario("flaky").whenScenarioStateIs("better")
                .willReturn(aResponse().withStatus(200).withBody(OK)));

        List<SendResult> results = purge(new PurgeTargets(List.of(), List.of("asset-1")));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(2));
        assertThat(results.get(0).purged()).isTrue();
        api.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givesUpOnAClientErrorWithoutRetrying() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"success\":false,\"errors\":[{\"code\":1012,\"message\":\"bad request\"}]}")));

        SendResult result = purge(new PurgeTargets(List.of("https://cdn.example/a"), List.of())).get(0);

        assertThat(result.purged()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failure().get().reason()).isEqualTo("http_400");
        assertThat(result.failure().get().kind()).isEqualTo(PurgeFailure.Kind.REJECTED);
        api.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void treatsA200WithoutSuccessAsNotPurged() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{\"success\":false,\"errors\":[]}")));

        SendResult result = purge(new PurgeTargets(List.of("https://cdn.example/a"), List.of())).get(0);

        assertThat(result.purged()).isFalse();
        assertThat(result.failure().get().reason()).isEqualTo("not_success");
        api.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void retriesWhenTheApiIsUnreachable() {
        int port = api.port();
        api.stop();
        cloudflare = new CloudflarePurgeProvider(new CloudflareProperties("http://127.0.0.1:" + port, "z", "t", 30),
                new PurgeProperties(null, "cloudflare", null, null, null, CdnApiStub.HTTP));

        SendResult result = purge(new PurgeTargets(List.of("https://cdn.example/a"), List.of())).get(0);

        assertThat(result.purged()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(failures).containsExactly("network", "network", "network");
        api.start();
    }
}
