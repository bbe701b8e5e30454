package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetPublished;
import dev.origo.events.AssetVisibilityChanged;

/** Every read path and tier through the real pipeline, driven by events on the real topic. */
class ReadSideIT {

    private static final Duration PROJECTED = Duration.ofSeconds(30);

    private static Stack stack;
    private static Client client;

    private byte[] bytes;
    private String sha256;
    private UUID asset;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.get();
        client = new Client(stack);
    }

    @BeforeEach
    void publicAsset() throws Exception {
        bytes = Bytes.random(300_000);
        sha256 = Bytes.sha256(bytes);
        asset = upload(bytes);
    }

    private static UUID upload(byte[] content) throws Exception {
        ResponseEntity<Map> created = client.upload(content, "data.bin", "application/octet-stream", null);
        UUID id = UUID.fromString((String) created.getBody().get("id"));
        await().atMost(PROJECTED).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get("/assets/" + id + "/download", "X-Min-Sequence", "1").statusCode() == 200);
        return id;
    }

    private HttpResponse<byte[]> awaitStatus(int status, String path, String... headers) {
        return await().atMost(PROJECTED).pollInterval(Duration.ofMillis(20))
                .until(() -> client.get(path, headers), response -> response.statusCode() == status);
    }

    @Nested
    class PublishedVersions {

        @Test
        void servesAPublishedVersionForeverWithVersionTag() throws Exception {
            UUID version = UUID.randomUUID();
            Events.publish(stack, asset, 2, new AssetPublished(version, 1, sha256, bytes.length,
                    "application/octet-stream", "data.bin"));

            HttpResponse<byte[]> response = client.get("/assets/public/" + version, "X-Min-Sequence", "2");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
            assertThat(response.headers().firstValue("Cache-Tag")).hasValue("asset-" + asset + ",version-" + version);
            assertThat(response.headers().firstValue("Surrogate-Key")).hasValue("asset-" + asset + " version-" + version);
            assertThat(response.headers().firstValue("Content-Digest")).hasValue(
                    "sha-256=:" + java.util.Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":");
        }

        @Test
        void versionOfAnAssetMadePrivateIsNotFound() throws Exception {
            UUID version = UUID.randomUUID();
            Events.publish(stack, asset, 2, new AssetPublished(version, 1, sha256, bytes.length,
                    "application/octet-stream", "data.bin"));
            awaitStatus(200, "/assets/public/" + version);

            Events.publish(stack, asset, 3, new AssetVisibilityChanged(false));

            awaitStatus(404, "/assets/public/" + version);
            assertThat(client.get("/assets/" + asset + "/download").statusCode()).isEqualTo(404);
        }

        @Test
        void unknownVersionIsNotFoundAndMalformedIsBadRequest() throws Exception {
            assertThat(client.get("/assets/public/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
            assertThat(client.get("/assets/public/123").statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class PrivateLinks {

        private final String token = "tok_" + UUID.randomUUID().toString().replace("-", "") + "abcdefghij";

        private void issue(long sequence, UUID tokenId, Instant expiresAt) throws Exception {
            Events.publish(stack, asset, sequence, new AccessTokenIssued(tokenId, sha256(token), expiresAt));
        }

        @Test
        void servesTheAssetBehindAValidTokenAsPrivate() throws Exception {
            issue(2, UUID.randomUUID(), Instant.now().plusSeconds(3600));

            HttpResponse<byte[]> response = client.get("/assets/private/" + token, "X-Min-Sequence", "2");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(bytes);
            assertThat(response.headers().firstValue("Cache-Control"))
                    .hasValue("private, no-store, no-cache, must-revalidate");
            assertThat(response.headers().firstValue("Cache-Tag")).isEmpty();
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
        }

        @Test
        void revokedTokenIsRefusedWithinOneSecondWhereItWasCached() throws Exception {
            UUID tokenId = UUID.randomUUID();
            issue(2, tokenId, Instant.now().plusSeconds(3600));
            assertThat(client.get("/assets/private/" + token, "X-Min-Sequence", "2").statusCode()).isEqualTo(200);
            assertThat(client.get("/assets/private/" + token).statusCode()).isEqualTo(200);

            Events.publish(stack, asset, 3, new AccessTokenRevoked(tokenId, sha256(token)));

            HttpResponse<byte[]> refused = await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                    .until(() -> client.get("/assets/private/" + token), response -> response.statusCode() == 403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Cache-Control"))
                    .hasValue("private, no-store, no-cache, must-revalidate");
        }

        @Test
        void unknownExpiredAndMalformedTokensAreForbidden() throws Exception {
            issue(2, UUID.randomUUID(), Instant.now().minusSeconds(1));
            awaitStatus(403, "/assets/private/" + token);
            assertThat(client.get("/assets/private/" + "x".repeat(43)).statusCode()).isEqualTo(403);
            assertThat(client.get("/assets/private/not%20a%20token").statusCode()).isEqualTo(403);
        }

        @Test
        void linksOfADeletedAssetAreForbiddenLikeAnyDeadLink() throws Exception {
            issue(2, UUID.randomUUID(), Instant.now().plusSeconds(3600));
            assertThat(client.get("/assets/private/" + token, "X-Min-Sequence", "2").statusCode()).isEqualTo(200);

            Events.publish(stack, asset, 3, new AssetDeleted());

            HttpResponse<byte[]> refused = awaitStatus(403, "/assets/private/" + token);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).doesNotContain(asset.toString());
            assertThat(client.get("/assets/" + asset + "/download").statusCode()).isEqualTo(404);
        }

        @Test
        void privateAssetIsServedThroughItsToken() throws Exception {
            Events.publish(stack, asset, 2, new AssetVisibilityChanged(false));
            issue(3, UUID.randomUUID(), Instant.now().plusSeconds(60));

            assertThat(client.get("/assets/private/" + token, "X-Min-Sequence", "3").statusCode()).isEqualTo(200);
            assertThat(client.get("/assets/" + asset + "/download").statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class LatestContent {

        @Test
        void replacedAssetServesTheNewEtagRightAfterProjection() throws Exception {
            byte[] newer = Bytes.random(1_000);
            upload(newer);
            String path = "/assets/" + asset + "/download";
            assertThat(client.get(path).headers().firstValue("ETag")).hasValue('"' + sha256 + '"');

            Events.publish(stack, asset, 2, new AssetContentReplaced("new.bin", "application/octet-stream",
                    newer.length, Bytes.sha256(newer)));

            HttpResponse<byte[]> response = client.get(path, "X-Min-Sequence", "2");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(newer);
            assertThat(response.headers().firstValue("ETag")).hasValue('"' + Bytes.sha256(newer) + '"');
            assertThat(client.get(path, "If-None-Match", '"' + sha256 + '"').statusCode()).isEqualTo(200);
        }

        @Test
        void deletedAssetIsNotFound() throws Exception {
            Events.publish(stack, asset, 2, new AssetDeleted());

            HttpResponse<byte[]> response = awaitStatus(404, "/assets/" + asset + "/download");

            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void waitsForMinSequenceAndAnswers503PastTheBound() throws Exception {
            HttpResponse<byte[]> response = client.get("/assets/" + asset + "/download", "X-Min-Sequence", "99");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(client.get("/assets/" + asset + "/download", "X-Min-Sequence", "x").statusCode())
                    .isEqualTo(400);
        }

        @Test
        void servesRangesFromTheRealBlob() throws Exception {
            String path = "/assets/" + asset + "/download";
            io.micrometer.core.instrument.MeterRegistry metrics =
                    stack.queryApi.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            double savedByRanges = metrics.counter("origo.bytes.saved", "by", "range").count();

            HttpResponse<byte[]> single = client.get(path, "Range", "bytes=100-199");
            assertThat(single.statusCode()).isEqualTo(206);
            assertThat(single.body()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
            assertThat(single.headers().firstValue("Content-Range")).hasValue("bytes 100-199/300000");

            assertThat(metrics.counter("origo.bytes.saved", "by", "range").count())
                    .isEqualTo(savedByRanges + 300_000 - 100);

            HttpResponse<byte[]> suffix = client.get(path, "Range", "bytes=-10");
            assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(bytes, 299_990, 300_000));

            HttpResponse<byte[]> multi = client.get(path, "Range", "bytes=0-9,1000-1009");
            assertThat(multi.statusCode()).isEqualTo(206);
            assertThat(multi.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("multipart/byteranges; boundary=");
            assertThat(multi.headers().firstValue("Content-Length"))
                    .hasValue(Integer.toString(multi.body().length));

            HttpResponse<byte[]> unsatisfiable = client.get(path, "Range", "bytes=300000-");
            assertThat(unsatisfiable.statusCode()).isEqualTo(416);
            assertThat(unsatisfiable.headers().firstValue("Content-Range")).hasValue("bytes */300000");
            assertThat(unsatisfiable.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(unsatisfiable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(new String(unsatisfiable.body(), StandardCharsets.UTF_8))
                    .contains("\"type\":\"https://origo.dev/problems/range-not-satisfiable\"", "\"status\":416");
            assertThat(unsatisfiable.headers().firstValue("ETag")).isEmpty();
            assertThat(unsatisfiable.headers().firstValue("Content-Disposition")).isEmpty();

            HttpResponse<byte[]> staleIfRange = client.get(path, "Range", "bytes=0-9", "If-Range", "\"other\"");
            assertThat(staleIfRange.statusCode()).isEqualTo(200);
            assertThat(staleIfRange.body()).isEqualTo(bytes);

            HttpResponse<byte[]> headWithRange = client.head(path, "Range", "bytes=0-9");
            assertThat(headWithRange.statusCode()).isEqualTo(200);
            assertThat(headWithRange.headers().firstValue("Content-Length")).hasValue("300000");
        }
    }

    @Nested
    class Caching {

        private double gets(String cache, String result) {
            return stack.queryApi.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("cache.gets")
                    .tag("cache", cache).tag("result", result).functionCounter().count();
        }

        @Test
        void unknownIdsAreCachedBrieflySoRepeatsDoNotReachPostgres() throws Exception {
            String path = "/assets/" + UUID.randomUUID() + "/download";
            assertThat(client.get(path).statusCode()).isEqualTo(404);
            double misses = gets("asset_views", "miss");
            double hits = gets("asset_views", "hit");

            for (int i = 0; i < 20; i++) {
                assertThat(client.get(path).statusCode()).isEqualTo(404);
            }

            assertThat(gets("asset_views", "miss")).isEqualTo(misses);
            assertThat(gets("asset_views", "hit")).isGreaterThanOrEqualTo(hits + 20);
        }

        @Test
        void smallBodiesAreServedFromMemoryAfterTheFirstRead() throws Exception {
            byte[] small = Bytes.random(1_024);
            UUID id = upload(small);
            String path = "/assets/" + id + "/download";
            assertThat(client.get(path).body()).isEqualTo(small);
            double hits = gets("small_bodies", "hit");

            assertThat(client.get(path).body()).isEqualTo(small);
            assertThat(client.get(path, "Range", "bytes=10-19").body()).isEqualTo(Arrays.copyOfRange(small, 10, 20));

            assertThat(gets("small_bodies", "hit")).isEqualTo(hits + 2);
        }

        @Test
        void rangesOfLargeBlobsAreServedFromCachedChunksAfterTheFirstRead() throws Exception {
            byte[] large = Bytes.random(1_100_000);   // above the small-body threshold: five 256 KB chunks
            UUID id = upload(large);
            String path = "/assets/" + id + "/download";
            HttpResponse<byte[]> first = client.get(path, "Range", "bytes=65536-131071");
            assertThat(first.statusCode()).isEqualTo(206);
            double misses = gets("blob_chunks", "miss");
            double hits = gets("blob_chunks", "hit");

            HttpResponse<byte[]> second = client.get(path, "Range", "bytes=65536-131071");
            HttpResponse<byte[]> multi = client.get(path, "Range", "bytes=0-9,100000-100009");

            assertThat(second.statusCode()).isEqualTo(206);
            assertThat(second.body()).isEqualTo(first.body()).isEqualTo(Arrays.copyOfRange(large, 65_536, 131_072));
            assertThat(second.headers().firstValue("Content-Range")).hasValue("bytes 65536-131071/1100000");
            assertThat(multi.statusCode()).isEqualTo(206);
            assertThat(new String(multi.body(), StandardCharsets.ISO_8859_1))
                    .contains(new String(Arrays.copyOfRange(large, 0, 10), StandardCharsets.ISO_8859_1))
                    .contains(new String(Arrays.copyOfRange(large, 100_000, 100_010), StandardCharsets.ISO_8859_1));
            assertThat(gets("blob_chunks", "hit")).isEqualTo(hits + 3);
            assertThat(gets("blob_chunks", "miss")).isEqualTo(misses);

            HttpResponse<byte[]> acrossChunks = client.get(path, "Range", "bytes=262000-1099999");
            assertThat(acrossChunks.body()).isEqualTo(Arrays.copyOfRange(large, 262_000, 1_100_000));
            assertThat(gets("blob_chunks", "miss")).isEqualTo(misses + 4);
            assertThat(client.get(path).body()).isEqualTo(large);
        }
    }

    @Nested
    class Metadata {

        @Test
        void describesLatestContentAndVersions() throws Exception {
            UUID version = UUID.randomUUID();
            Events.publish(stack, asset, 2, new AssetPublished(version, 1, sha256, bytes.length,
                    "application/octet-stream", "data.bin"));

            HttpResponse<byte[]> response = client.get("/assets/" + asset, "X-Min-Sequence", "2");

            assertThat(response.statusCode()).isEqualTo(200);
            String json = new String(response.body(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"id\":\"" + asset + "\"", "\"sha256\":\"" + sha256 + "\"",
                    "\"is_public\":true", "\"sequence\":2", "\"version_id\":\"" + version + "\"",
                    "\"version_number\":1", "/assets/public/" + version);
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
            String etag = response.headers().firstValue("ETag").orElseThrow();

            HttpResponse<byte[]> revalidated = client.get("/assets/" + asset, "If-None-Match", etag);
            assertThat(revalidated.statusCode()).isEqualTo(304);
            assertThat(revalidated.body()).isEmpty();
            assertThat(revalidated.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");
        }
    }

    static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    }
}
