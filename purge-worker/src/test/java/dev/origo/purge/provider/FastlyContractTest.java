package dev.origo.purge.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import dev.origo.purge.PurgeProperties;
import dev.origo.purge.retry.RetryingSender;
import dev.origo.purge.retry.SendResult;

/** The Fastly provider against a stub of {@code POST /service/{service_id}/purge}. */
class FastlyContractTest {

    private static final String PATH = "/service/svc-1/purge";
    private static final UUID ASSET = UUID.fromString("5b7c6a1e-0000-4000-8000-000000000001");

    private WireMockServer api;
    private final List<String> failures = CdnApiStub.collected();
    private RetryingSender sender;

    @BeforeEach
    void start() {
        api = CdnApiStub.start();
        sender = CdnApiStub.sender(failures);
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    private FastlyPurgeProvider fastly(boolean soft, int chunkSize) {
        return new FastlyPurgeProvider(new FastlyProperties(api.baseUrl(), "svc-1", "fastly-key", soft, chunkSize),
                new PurgeProperties(null, "fastly", null, null, null, CdnApiStub.HTTP));
    }

    private List<SendResult> purge(FastlyPurgeProvider fastly, PurgeTargets targets) {
        return fastly.requests(targets).stream().map(request -> sender.send(fastly, request)).toList();
    }

    @Test
    void purgesTheAssetKeyOfItsUrlsWithTheFastlyKey() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withBody("{\"asset-" + ASSET + "\":\"108-1391560174-974124\"}")));

        List<SendResult> results = purge(fastly(false, 256), new PurgeTargets(List.of(
                "http://edge/assets/" + ASSET + "/download", "http://edge/assets/" + ASSET), List.of("asset-" + ASSET)));

        assertThat(results).singleElement().satisfies(r -> assertThat(r.purgeId()).hasValue("108-1391560174-974124"));
        api.verify(exactly(1), postRequestedFor(urlEqualTo(PATH))
                .withHeader("Fastly-Key", equalTo("fastly-key"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Fastly-Soft-Purge", absent()));
        assertThat(api.getAllServeEvents().get(0).getRequest().getBodyAsString())
                .isEqualTo("{\"surrogate_keys\":[\"asset-" + ASSET + "\"]}");
    }

    @Test
    void softPurgesWhenConfigured() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{}")));
        purge(fastly(true, 256), new PurgeTargets(List.of(), List.of("asset-1")));
        api.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Fastly-Soft-Purge", equalTo("1")));
    }

    @Test
    void sendsAtMost256KeysPerRequest() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("{}")));
        List<String> keys = IntStream.range(0, 300).mapToObj(i -> "version-" + i).toList();

        List<SendResult> results = purge(fastly(false, 256), new PurgeTargets(List.of(), keys));

        assertThat(results).extracting(r -> r.request().values().size()).containsExactly(256, 44);
        api.verify(exactly(2), postRequestedFor(urlEqualTo(PATH)));
        assertThatThrownBy(() -> fastly(false, 257)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void honoursRetryAfterOnA429() {
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("allowed"));
        api.stubFor(post(PATH).inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(aResponse().withStatus(200).withBody("{}")));

        long started = System.nanoTime();
        SendResult result = purge(fastly(false, 256), new PurgeTargets(List.of(), List.of("asset-1"))).get(0);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.purged()).isTrue();
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(4));
    }

    @Test
    void retriesServerErrorsUpToMaxAttempts() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(503)));

        SendResult result = purge(fastly(false, 256), new PurgeTargets(List.of(), List.of("asset-1"))).get(0);

        assertThat(result.purged()).isFalse();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(failures).containsExactly("http_503", "http_503", "http_503");
        api.verify(exactly(3), postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void givesUpOnAClientErrorWithoutRetrying() {
        api.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withBody("{\"msg\":\"Provided credentials are missing or invalid\"}")));

        SendResult result = purge(fastly(false, 256), new PurgeTargets(List.of(), List.of("asset-1"))).get(0);

        assertThat(result.purged()).isFalse();
        assertThat(result.failure().get().reason()).isEqualTo("http_401");
        api.verify(exactly(1), postRequestedFor(urlEqualTo(PATH)));
    }
}
