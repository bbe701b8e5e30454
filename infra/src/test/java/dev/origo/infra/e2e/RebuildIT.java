package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.origo.events.AssetPublished;
import dev.origo.projector.rebuild.Rebuild;
import dev.origo.projector.rebuild.RebuildReport;

/** The read model is rebuilt from the topic and switched over while the query-api keeps serving. */
class RebuildIT {

    @Test
    void rebuildsFromTheTopicAndSwitchesOverWithoutServingErrors() throws Exception {
        Stack stack = Stack.get();
        Client client = new Client(stack);
        byte[] bytes = Bytes.random(4_000);
        ResponseEntity<Map> created = client.upload(bytes, "r.bin", "application/octet-stream", null);
        UUID asset = UUID.fromString((String) created.getBody().get("id"));
        UUID version = UUID.randomUUID();
        Events.publish(stack, asset, 2, new AssetPublished(version, 1, Bytes.sha256(bytes), bytes.length,
                "application/octet-stream", "r.bin"));
        assertThat(client.get("/assets/public/" + version, "X-Min-Sequence", "2").statusCode()).isEqualTo(200);
        JdbcClient jdbc = stack.projector.getBean(JdbcClient.class);
        List<Map<String, Object>> before = rows(jdbc);

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger served = new AtomicInteger();
        Map<Integer, Integer> failures = new ConcurrentHashMap<>();
        CompletableFuture<Void> readers = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                for (String path : List.of("/assets/" + asset + "/download", "/assets/public/" + version,
                        "/assets/" + asset, "/assets/" + UUID.randomUUID() + "/download")) {
                    try {
                        int status = client.get(path).statusCode();
                        if (status != 200 && status != 404) {
                            failures.merge(status, 1, Integer::sum);
                        }
                        served.incrementAndGet();
                    } catch (Exception e) {
                        failures.merge(-1, 1, Integer::sum);
                    }
                }
            }
        });

        RebuildReport report = stack.projector.getBean(Rebuild.class).run();
        rebuilding.set(false);
        readers.get();

        assertThat(failures).as("responses other than 200/404 while rebuilding").isEmpty();
        assertThat(served.get()).isPositive();
        assertThat(report.events()).isGreaterThanOrEqualTo(2);
        assertThat(rows(jdbc)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM query.version_view WHERE version_id = ?").param(version)
                .query(Integer.class).single()).isEqualTo(1);

        ResponseEntity<Map> after = client.upload(Bytes.random(10), "after.bin", "application/octet-stream", null);
        String id = (String) after.getBody().get("id");
        HttpResponse<byte[]> download = await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/assets/" + id + "/download"), response -> response.statusCode() == 200);
        assertThat(download.body()).hasSize(10);
    }

    private static List<Map<String, Object>> rows(JdbcClient jdbc) {
        return jdbc.sql("SELECT asset_id, sha256, is_public, deleted, latest_version, sequence FROM query.asset_view "
                + "ORDER BY asset_id").query().listOfRows();
    }
}
