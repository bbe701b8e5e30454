package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Measures "published → edge fresh" through a real Varnish: the time from sending
 * {@code PUT /assets/{id}/content} to the edge first answering with the new ETag, over
 * {@code -Dorigo.purge.latency.publishes} (default 100) replacements, one after another. Every step is
 * real: command-api, outbox, Debezium relay, Kafka, projector, change notice, purge worker, Varnish.
 * Prints p50/p90/p99/max and writes them to {@code target/purge-latency.txt}. See docs/local-stack.md.
 */
class PurgeLatencyIT {

    private static final int PUBLISHES = Integer.getInteger("origo.purge.latency.publishes", 100);

    private static Stack stack;
    private static Client client;
    private static VarnishEdge edge;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void start() throws Exception {
        VarnishEdge.assumeInstalled();
        stack = Stack.get();
        client = new Client(stack);
        edge = VarnishEdge.start(Stack.port(stack.queryApi));
        worker = stack.startPurgeWorker(edge.purgeWorkerArguments("purge-latency-it"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (edge != null) {
            edge.close();
        }
    }

    private static String replace(UUID asset, byte[] content) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "latency.bin";
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        ResponseEntity<Map> response = RestClient.create(stack.commandUrl()).put().uri("/assets/{id}/content", asset)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Stack.PRODUCER_KEY)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build())
                .retrieve()
                .toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return (String) response.getBody().get("etag");
    }

    private static Optional<String> etagAtEdge(String path) throws Exception {
        HttpResponse<byte[]> response = edge.get(path);
        return response.statusCode() == 200 ? response.headers().firstValue("ETag") : Optional.empty();
    }

    /** Polls the edge every 2 ms until it serves {@code etag}; returns when it first did. */
    private static long awaitFresh(String path, String etag, long deadline) throws Exception {
        while (System.nanoTime() < deadline) {
            if (etagAtEdge(path).equals(Optional.of(etag))) {
                return System.nanoTime();
            }
            TimeUnit.MILLISECONDS.sleep(2);      // the polling resolution of the measurement
        }
        throw new AssertionError("the edge did not serve " + etag + " for " + path + " within the deadline");
    }

    @Test
    void measuresPublishedToEdgeFresh() throws Exception {
        ResponseEntity<Map> created = client.upload(Bytes.random(1_024), "latency.bin", "application/octet-stream", null);
        UUID asset = UUID.fromString((String) created.getBody().get("id"));
        String path = "/assets/" + asset + "/download";
        awaitFresh(path, (String) created.getBody().get("etag"), System.nanoTime() + TimeUnit.SECONDS.toNanos(30));

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < PUBLISHES; i++) {
            long sent = System.nanoTime();
            String etag = replace(asset, Bytes.random(1_024));
            long fresh = awaitFresh(path, etag, sent + TimeUnit.SECONDS.toNanos(20));
            micros.add(TimeUnit.NANOSECONDS.toMicros(fresh - sent));
        }

        List<Long> sorted = micros.stream().sorted().toList();
        Timer purged = worker.getBean(MeterRegistry.class).get("origo.purge.latency").tag("provider", "varnish").timer();
        String report = String.format(java.util.Locale.ROOT,
                "published -> edge fresh through Varnish, %d publishes: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms;"
                        + " purge worker origo.purge.latency (occurred_at -> purged): mean %.1f ms, max %.1f ms over %d purges%n",
                sorted.size(), ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), ms(percentile(sorted, 99)),
                ms(sorted.get(sorted.size() - 1)), purged.mean(TimeUnit.MILLISECONDS), purged.max(TimeUnit.MILLISECONDS),
                purged.count());
        Timer evicted = stack.queryApi.getBean(MeterRegistry.class).get("origo.cache.eviction.lag").timer();
        report += String.format(java.util.Locale.ROOT,
                "query-api origo.cache.eviction.lag (projected_at -> evicted): mean %.1f ms, max %.1f ms over %d notices%n",
                evicted.mean(TimeUnit.MILLISECONDS), evicted.max(TimeUnit.MILLISECONDS), evicted.count());
        System.out.print(report);
        Files.writeString(Path.of("target/purge-latency.txt"), report);

        assertThat(sorted).hasSize(PUBLISHES);
        assertThat(ms(percentile(sorted, 50))).as("p50 in ms").isLessThan(2_000);
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double ms(long micros) {
        return micros / 1_000.0;
    }
}
