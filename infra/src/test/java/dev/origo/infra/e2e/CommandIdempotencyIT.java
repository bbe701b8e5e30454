package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.origo.events.EventEnvelope;

/**
 * {@code Idempotency-Key}: a retry replays the first reply and emits nothing; another request with the key
 * is 422. A PATCH after the retried command is a barrier: once its event is on the topic, any duplicate
 * event of the retried command would be there too, so the exact event lists below can fail.
 */
class CommandIdempotencyIT extends CommandIT {

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Nested
    class Replay {

        @Test
        void replayedUploadReturnsTheFirstReplyAndCreatesOneAsset() {
            String key = key();
            byte[] bytes = Bytes.random(3_000);
            Multipart form = multipart(bytes, "once.bin", "application/octet-stream");

            Exchange first = send("POST", "/assets/upload", form.contentType(), form.body(), "Idempotency-Key", key);
            Exchange retry = send("POST", "/assets/upload", form.contentType(), form.body(), "Idempotency-Key", key);

            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(first.header("Idempotent-Replayed")).isNull();
            UUID id = UUID.fromString((String) first.json().get("id"));
            assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE sha256 = ?").param(Bytes.sha256(bytes))
                    .query(Long.class).single()).isEqualTo(1L);
            json("PATCH", "/assets/" + id, "{\"is_public\": false}");
            assertThat(events(id, 2)).extracting(EventEnvelope::type)
                    .containsExactly("AssetUploaded", "AssetVisibilityChanged");
        }

        @Test
        void replayedPublishEmitsOneEvent() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();

            Exchange first = send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key);
            Exchange retry = send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.sequence()).isEqualTo(2);
            json("PATCH", "/assets/" + id, "{\"is_public\": false}");
            List<EventEnvelope> events = events(id, 3);
            assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
            assertThat(events).extracting(EventEnvelope::type)
                    .containsExactly("AssetUploaded", "AssetPublished", "AssetVisibilityChanged");
        }

        @Test
        void replayedDeleteIsNoContentAgainAndNotAConflict() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();

            Exchange first = send("DELETE", "/assets/" + id, null, null, "Idempotency-Key", key);
            Exchange retry = send("DELETE", "/assets/" + id, null, null, "Idempotency-Key", key);

            assertThat(first.status()).isEqualTo(204);
            assertThat(retry.status()).isEqualTo(204);
            assertThat(retry.sequence()).isEqualTo(2);
            assertThat(jdbc().sql("SELECT count(*) FROM command.outbox WHERE asset_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(2L);
        }

        @Test
        void replayedTokenReturnsTheSameTokenWhichIsStoredOnlyEncrypted() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();

            Exchange first = json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": 120}",
                    "Idempotency-Key", key);
            Exchange retry = json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": 120}",
                    "Idempotency-Key", key);

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            String token = (String) first.json().get("token");
            assertThat(jdbc().sql("SELECT count(*) FROM command.access_tokens WHERE asset_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(1L);
            assertThat(jdbc().sql("SELECT body FROM command.idempotency_keys WHERE key = ?").param(key)
                    .query(String.class).single()).doesNotContain(token).doesNotContain("token_id");
        }

        @Test
        void concurrentRequestsWithOneKeyEmitOneEvent() throws Exception {
            UUID id = newAsset(Bytes.random(100));
            String key = key();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Exchange>> futures = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key);
                    }));
                }
                start.countDown();
                List<String> bodies = new ArrayList<>();
                for (Future<Exchange> future : futures) {
                    Exchange reply = future.get();
                    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
                    bodies.add(reply.body());
                }
                assertThat(bodies).containsOnly(bodies.get(0));
            } finally {
                pool.shutdownNow();
            }
            assertThat(jdbc().sql("SELECT count(*) FROM command.versions WHERE asset_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(1L);
            json("PATCH", "/assets/" + id, "{\"is_public\": false}");
            assertThat(events(id, 3)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
        }

        @Test
        void keysAreScopedPerProducer() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();

            Exchange first = send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key);
            Exchange other = sendRaw("POST", "/assets/" + id + "/publish", null, null,
                    "Authorization", "Bearer " + Stack.SECOND_PRODUCER_KEY, "Idempotency-Key", key);

            assertThat(other.status()).isEqualTo(201);
            assertThat(other.header("Idempotent-Replayed")).isNull();
            assertThat(other.json().get("version_id")).isNotEqualTo(first.json().get("version_id"));
        }
    }

    @Nested
    class Reuse {

        @Test
        void sameKeyWithAnotherBodyIsUnprocessable() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();
            json("PATCH", "/assets/" + id, "{\"is_public\": false}", "Idempotency-Key", key);

            assertProblem(json("PATCH", "/assets/" + id, "{\"is_public\": true}", "Idempotency-Key", key), 422,
                    "idempotency-key-reused");
            assertThat(jdbc().sql("SELECT sequence FROM command.assets WHERE id = ?").param(id).query(Long.class)
                    .single()).isEqualTo(2L);
        }

        @Test
        void sameKeyOnAnotherPathIsUnprocessable() {
            UUID id = newAsset(Bytes.random(100));
            UUID other = newAsset(Bytes.random(100));
            String key = key();
            send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key);

            assertProblem(send("POST", "/assets/" + other + "/publish", null, null, "Idempotency-Key", key), 422,
                    "idempotency-key-reused");
        }

        @Test
        void sameKeyWithAnotherFileIsUnprocessable() {
            String key = key();
            upload(Bytes.random(100), "a.bin", "application/octet-stream", "Idempotency-Key", key);

            assertProblem(upload(Bytes.random(100), "a.bin", "application/octet-stream", "Idempotency-Key", key), 422,
                    "idempotency-key-reused");
        }

        @Test
        void malformedKeyIsBadRequest() {
            UUID id = newAsset(Bytes.random(100));

            assertProblem(send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", "x".repeat(256)),
                    400, "malformed-idempotency-key");
            assertProblem(send("POST", "/assets/" + id + "/publish", null, null, "Idempotency-Key", key(),
                    "Idempotency-Key", key()), 400, "malformed-idempotency-key");
        }
    }

    @Nested
    class Expiry {

        @Test
        void expiredKeysAreDeletedAndMayBeUsedAgain() {
            UUID id = newAsset(Bytes.random(100));
            String key = key();
            json("PATCH", "/assets/" + id, "{\"is_public\": false}", "Idempotency-Key", key);
            jdbc().sql("UPDATE command.idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = ?")
                    .param(key).update();

            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc()
                    .sql("SELECT count(*) FROM command.idempotency_keys WHERE key = ?").param(key)
                    .query(Long.class).single() == 0);

            Exchange reused = json("PATCH", "/assets/" + id, "{\"is_public\": true}", "Idempotency-Key", key);
            assertThat(reused.status()).isEqualTo(200);
            assertThat(reused.json()).containsEntry("is_public", true).containsEntry("sequence", 3);
        }
    }
}
