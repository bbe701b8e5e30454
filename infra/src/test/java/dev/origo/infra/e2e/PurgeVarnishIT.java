package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetPublished;

/**
 * The purge worker against a real Varnish running the shipped VCL in front of the stack's query-api:
 * what the edge caches, that a change reaches it once the ledger records the purge, and who may purge.
 */
class PurgeVarnishIT {

    private static final Duration PURGED = Duration.ofSeconds(30);

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
        worker = stack.startPurgeWorker(edge.purgeWorkerArguments("purge-varnish-it"));
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

    private static UUID upload(byte[] content, Boolean isPublic) {
        ResponseEntity<Map> created = client.upload(content, "f.bin", "application/octet-stream", isPublic);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return UUID.fromString((String) created.getBody().get("id"));
    }

    private static String etag(byte[] content) {
        return '"' + Bytes.sha256(content) + '"';
    }

    private static Optional<String> header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name);
    }

    /** Fetches through the edge until the origin serves it (200), then once more: that one is the edge's copy. */
    private static HttpResponse<byte[]> warm(String path) throws Exception {
        await().atMost(PURGED).pollInterval(Duration.ofMillis(20)).until(() -> edge.get(path).statusCode() == 200);
        HttpResponse<byte[]> hit = edge.get(path);
        assertThat(header(hit, "X-Cache")).as("second fetch of %s", path).hasValue("HIT");
        return hit;
    }

    /** Whether the delayed second purge of that event is done (or none was due). */
    private static boolean completedRepurge(UUID asset, long sequence) {
        JdbcClient jdbc = JdbcClient.create(worker.getBean(javax.sql.DataSource.class));
        return jdbc.sql("select count(*) from purge.ledger where asset_id = ? and sequence = ? and provider = 'varnish'"
                        + " and (repurge_due_at is null or repurged_at is not null)")
                .params(asset, sequence).query(Integer.class).single() == 1;
    }

    /** The ledger row of the varnish purge of the asset's event with this sequence, once it is complete. */
    private static Map<String, Object> awaitPurged(UUID asset, long sequence) {
        JdbcClient jdbc = JdbcClient.create(worker.getBean(javax.sql.DataSource.class));
        return await().atMost(PURGED).pollInterval(Duration.ofMillis(10)).until(() -> jdbc.sql("""
                        select outcome, attempts, completed_at, purge_id, urls, tags from purge.ledger
                         where asset_id = ? and sequence = ? and provider = 'varnish'""")
                        .params(asset, sequence).query().listOfRows().stream().findFirst().orElse(Map.of()),
                row -> "purged".equals(row.get("outcome")));
    }

    @Test
    void servesThePublicAssetFromTheEdgeOnTheSecondFetch() throws Exception {
        byte[] content = Bytes.random(1_500);
        UUID asset = upload(content, null);
        String path = "/assets/" + asset + "/download";

        HttpResponse<byte[]> hit = warm(path);

        assertThat(hit.body()).isEqualTo(content);
        assertThat(header(hit, "ETag")).hasValue(etag(content));
        assertThat(header(hit, "Cache-Control")).hasValue("public, s-maxage=3600, max-age=60");
        assertThat(header(hit, "Content-Digest")).isPresent();
        assertThat(header(hit, "Surrogate-Key")).hasValue("asset-" + asset);
        assertThat(Integer.parseInt(header(hit, "Age").orElse("-1"))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void servesTheNewEtagOnceThePurgeOfAReplacementIsRecorded() throws Exception {
        byte[] original = Bytes.random(2_000);
        byte[] replacement = Bytes.random(2_500);
        UUID asset = upload(original, null);
        upload(replacement, null);            // its blob, which the replacement points at
        String path = "/assets/" + asset + "/download";
        assertThat(header(warm(path), "ETag")).hasValue(etag(original));
        assertThat(header(edge.get("/assets/" + asset), "X-Cache")).as("metadata, first fetch").hasValue("MISS");
        assertThat(header(edge.get("/assets/" + asset), "X-Cache")).as("metadata, second fetch").hasValue("HIT");

        Events.publish(stack, asset, 2, new AssetContentReplaced("r.bin", "application/octet-stream",
                replacement.length, Bytes.sha256(replacement)));
        Map<String, Object> ledger = awaitPurged(asset, 2);

        assertThat(ledger.get("attempts")).isEqualTo(1);
        assertThat(ledger.get("purge_id")).as("Varnish's transaction id").isNotNull();
        HttpResponse<byte[]> fresh = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get(path), response -> header(response, "ETag").equals(Optional.of(etag(replacement))));
        assertThat(fresh.body()).isEqualTo(replacement);
        assertThat(edge.get("/assets/" + asset).body()).asString().contains(Bytes.sha256(replacement));
        HttpResponse<byte[]> again = edge.get(path);
        assertThat(header(again, "X-Cache")).hasValue("HIT");
        assertThat(header(again, "ETag")).hasValue(etag(replacement));
    }

    @Test
    void dropsEveryUrlOfADeletedAssetFromTheEdge() throws Exception {
        byte[] content = Bytes.random(1_200);
        UUID asset = upload(content, null);
        UUID version = UUID.randomUUID();
        Events.publish(stack, asset, 2, new AssetPublished(version, 1, Bytes.sha256(content), content.length,
                "application/octet-stream", "f.bin"));
        String latest = "/assets/" + asset + "/download";
        String versioned = "/assets/public/" + version;
        // The publish purges the latest URL (and again after the stale-refill window): warm only after that.
        awaitPurged(asset, 2);
        await().atMost(PURGED).until(() -> completedRepurge(asset, 2));
        warm(latest);
        warm(versioned);

        Events.publish(stack, asset, 3, new AssetDeleted());
        Map<String, Object> ledger = awaitPurged(asset, 3);

        assertThat(ledger.get("tags").toString()).contains("asset-" + asset);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get(latest).statusCode() == 404 && edge.get(versioned).statusCode() == 404);
        HttpResponse<byte[]> gone = edge.get(versioned);
        assertThat(header(gone, "X-Cache")).as("a 404 is no-store and never cached").isNotEqualTo(Optional.of("HIT"));
        assertThat(header(gone, "Cache-Control")).hasValue("no-store");
    }

    @Test
    void aQueryStringVariantIsTheSameObjectSoThePurgeOfAReplacementCoversIt() throws Exception {
        byte[] original = Bytes.random(1_800);
        byte[] replacement = Bytes.random(1_900);
        UUID asset = upload(original, null);
        upload(replacement, null);
        String path = "/assets/" + asset + "/download";
        warm(path);

        HttpResponse<byte[]> variant = edge.get(path + "?utm_source=mail&x=1");
        assertThat(header(variant, "X-Cache")).as("the plain path's object").hasValue("HIT");
        assertThat(header(edge.get("/assets/" + asset + "?v=2"), "X-Cache")).as("metadata, first fetch").hasValue("MISS");
        assertThat(header(edge.get("/assets/" + asset), "X-Cache")).as("metadata without the query").hasValue("HIT");

        Events.publish(stack, asset, 2, new AssetContentReplaced("r.bin", "application/octet-stream",
                replacement.length, Bytes.sha256(replacement)));
        awaitPurged(asset, 2);

        HttpResponse<byte[]> fresh = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> edge.get(path + "?utm_source=mail&x=1"),
                        response -> header(response, "ETag").equals(Optional.of(etag(replacement))));
        assertThat(fresh.body()).isEqualTo(replacement);
        assertThat(edge.get("/assets/" + asset + "?v=2").body()).asString().contains(Bytes.sha256(replacement));
    }

    @Test
    void readYourWritesRequestsGoToTheOrigin() throws Exception {
        UUID asset = upload(Bytes.random(1_100), null);
        String path = "/assets/" + asset + "/download";
        warm(path);

        HttpResponse<byte[]> waited = edge.get(path, "X-Min-Sequence", "1");

        assertThat(waited.statusCode()).isEqualTo(200);
        assertThat(header(waited, "X-Cache")).hasValue("PASS");
        assertThat(header(edge.get(path), "X-Cache")).as("the cached copy stays").hasValue("HIT");
    }

    @Test
    void doesNotServeTheOriginsActuator() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator", "/actuator?x"}) {
            assertThat(edge.get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    @Test
    void neverServesAPrivateResponseFromTheEdge() throws Exception {
        byte[] content = Bytes.random(900);
        UUID asset = upload(content, false);
        String token = "tok_" + UUID.randomUUID().toString().replace("-", "") + "private";
        Events.publish(stack, asset, 2, new AccessTokenIssued(UUID.randomUUID(),
                Bytes.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Instant.now().plusSeconds(3600)));
        String path = "/assets/private/" + token;
        // Slow polling: the query-api throttles private-link lookups per client, and every request comes from here.
        await().atMost(PURGED).pollInterval(Duration.ofMillis(250)).until(() -> edge.get(path).statusCode() == 200);

        for (int i = 0; i < 3; i++) {
            HttpResponse<byte[]> response = edge.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(content);
            assertThat(header(response, "X-Cache")).hasValue("PASS");
            assertThat(header(response, "Cache-Control")).hasValue("private, no-store, no-cache, must-revalidate");
        }
        HttpResponse<byte[]> publicPath = edge.get("/assets/" + asset + "/download");
        assertThat(publicPath.statusCode()).as("a private asset on the public path").isEqualTo(404);
        assertThat(header(edge.get("/assets/" + asset + "/download"), "X-Cache")).isNotEqualTo(Optional.of("HIT"));
    }

    @Nested
    class WhoMayPurge {

        @Test
        void acceptsPurgeAndBanFromLoopback() throws Exception {
            UUID asset = upload(Bytes.random(700), null);
            String path = "/assets/" + asset + "/download";
            warm(path);

            assertThat(edge.send("PURGE", path).statusCode()).isEqualTo(200);
            assertThat(header(edge.get(path), "X-Cache")).hasValue("MISS");
            assertThat(header(edge.get(path), "X-Cache")).hasValue("HIT");
            assertThat(edge.send("BAN", "/", "X-Ban-Tag", "asset-" + asset).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> header(edge.get(path), "X-Cache").equals(Optional.of("MISS")));
            assertThat(edge.send("BAN", "/", "X-Ban-Tag", "a|.*").statusCode()).as("a tag that is a regex").isEqualTo(400);
        }

        @Test
        void refusesPurgeAndBanFromAnAddressOutsideTheAcl() throws Exception {
            try (VarnishEdge narrow = VarnishEdge.start(Stack.port(stack.queryApi), "192.0.2.1")) {
                UUID asset = upload(Bytes.random(800), null);
                String path = "/assets/" + asset + "/download";
                await().atMost(PURGED).pollInterval(Duration.ofMillis(20)).until(() -> narrow.get(path).statusCode() == 200);
                assertThat(header(narrow.get(path), "X-Cache")).hasValue("HIT");

                assertThat(narrow.send("PURGE", path).statusCode()).isEqualTo(405);
                assertThat(narrow.send("BAN", "/", "X-Ban-Tag", "asset-" + asset).statusCode()).isEqualTo(405);
                assertThat(header(narrow.get(path), "X-Cache")).as("still cached").hasValue("HIT");
            }
        }
    }
}
