package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import dev.origo.events.AssetContentReplaced;
import io.micrometer.core.instrument.MeterRegistry;

/** Every query-api instance consumes the change notices with its own group, so every instance evicts. */
class TwoQueryInstancesIT {

    private static Stack stack;
    private static Client client;
    private static ConfigurableApplicationContext second;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.get();
        client = new Client(stack);
        second = stack.startQueryApi();
    }

    @AfterAll
    static void stopSecond() {
        second.close();
    }

    private HttpResponse<byte[]> get(ConfigurableApplicationContext instance, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(instance) + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double hits(ConfigurableApplicationContext instance) {
        return instance.getBean(MeterRegistry.class).find("cache.gets").tag("cache", "asset_views")
                .tag("result", "hit").functionCounter().count();
    }

    @Test
    void bothInstancesEvictAndServeTheReplacedContent() throws Exception {
        byte[] original = Bytes.random(2_000);
        byte[] replacement = Bytes.random(3_000);
        ResponseEntity<Map> created = client.upload(original, "o.bin", "application/octet-stream", null);
        client.upload(replacement, "r.bin", "application/octet-stream", null);
        UUID asset = UUID.fromString((String) created.getBody().get("id"));
        String path = "/assets/" + asset + "/download";
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {stack.queryApi, second}) {
            await().atMost(Duration.ofSeconds(30)).until(() -> get(instance, path).statusCode() == 200);
            double before = hits(instance);
            assertThat(get(instance, path).headers().firstValue("ETag")).hasValue('"' + Bytes.sha256(original) + '"');
            assertThat(hits(instance)).as("the view is served from this instance's cache").isGreaterThan(before);
        }

        Events.publish(stack, asset, 2, new AssetContentReplaced("r.bin", "application/octet-stream",
                replacement.length, Bytes.sha256(replacement)));

        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {stack.queryApi, second}) {
            HttpResponse<byte[]> fresh = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> get(instance, path),
                            response -> response.headers().firstValue("ETag")
                                    .equals(java.util.Optional.of('"' + Bytes.sha256(replacement) + '"')));
            assertThat(fresh.body()).isEqualTo(replacement);
        }
        MeterRegistry metrics = second.getBean(MeterRegistry.class);
        assertThat(metrics.timer("origo.cache.eviction.lag").count()).isPositive();
    }
}
