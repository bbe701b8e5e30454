package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import dev.origo.events.AssetContentReplaced;

/**
 * The window between query-api instances evicting (docs/decisions/0011): the edge is purged while a
 * second query-api instance has not evicted yet, refetches and stores the old content again; the
 * worker's second purge, after the window, removes it. The lagging instance is made to lag by
 * pausing its notice consumer, so the race happens every time instead of now and then.
 */
class PurgeStaleRefillIT {

    private static final Duration REPURGE_AFTER = Duration.ofSeconds(3);

    private static Stack stack;
    private static Client client;
    private static ConfigurableApplicationContext lagging;
    private static VarnishEdge edge;
    private static ConfigurableApplicationContext worker;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        VarnishEdge.assumeInstalled();
        stack = Stack.get();
        client = new Client(stack);
        lagging = stack.startQueryApi();
        edge = VarnishEdge.start(Stack.port(lagging));
        worker = stack.startPurgeWorker(edge.purgeWorkerArguments("purge-stale-refill-it",
                "--origo.purge.repurge.after=" + REPURGE_AFTER.toMillis() + "ms"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {worker, edge, lagging}) {
            if (part != null) {
                part.close();
            }
        }
    }

    private static String etag(byte[] content) {
        return '"' + Bytes.sha256(content) + '"';
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    @Test
    void theSecondPurgeRemovesContentRefilledFromAnInstanceThatHadNotEvictedYet() throws Exception {
        byte[] original = Bytes.random(1_800);
        byte[] replacement = Bytes.random(1_900);
        ResponseEntity<Map> created = client.upload(original, "o.bin", "application/octet-stream", null);
        client.upload(replacement, "r.bin", "application/octet-stream", null);
        UUID asset = UUID.fromString((String) created.getBody().get("id"));
        String path = "/assets/" + asset + "/download";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(lagging) + path))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        edge.get(path);
        assertThat(header(edge.get(path), "X-Cache")).hasValue("HIT");

        MessageListenerContainer evictions = lagging.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainers().iterator().next();
        evictions.pause();
        await().atMost(Duration.ofSeconds(10)).until(evictions::isContainerPaused);
        try {
            Events.publish(stack, asset, 2, new AssetContentReplaced("r.bin", "application/octet-stream",
                    replacement.length, Bytes.sha256(replacement)));
            Map<String, Object> first = awaitLedger(asset, row -> "purged".equals(row.get("outcome")));

            HttpResponse<byte[]> refilled = edge.get(path);
            assertThat(header(refilled, "X-Cache")).as("the first purge emptied the edge").hasValue("MISS");
            assertThat(header(refilled, "ETag")).as("refilled from the instance that had not evicted")
                    .hasValue(etag(original));
            assertThat(header(edge.get(path), "X-Cache")).as("and stored again").hasValue("HIT");
            assertThat(first.get("repurged_at")).isNull();
        } finally {
            evictions.resume();
        }

        HttpResponse<byte[]> fresh = await().atMost(REPURGE_AFTER.plusSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> edge.get(path), response -> header(response, "ETag").equals(Optional.of(etag(replacement))));
        assertThat(fresh.body()).isEqualTo(replacement);
        Map<String, Object> second = awaitLedger(asset, row -> row.get("repurged_at") != null);
        Duration between = Duration.between(((Timestamp) second.get("completed_at")).toInstant(),
                ((Timestamp) second.get("repurged_at")).toInstant());
        assertThat(between).isGreaterThanOrEqualTo(REPURGE_AFTER);
    }

    private static Map<String, Object> awaitLedger(UUID asset, java.util.function.Predicate<Map<String, Object>> done) {
        JdbcClient jdbc = JdbcClient.create(worker.getBean(javax.sql.DataSource.class));
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.sql("""
                        select outcome, completed_at, repurged_at from purge.ledger
                         where asset_id = ? and sequence = 2 and provider = 'varnish'""")
                .param(asset).query().listOfRows().stream().findFirst().orElse(Map.of()), done);
    }
}
