package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetPublished;
import dev.origo.events.AssetUploaded;
import dev.origo.events.AssetVisibilityChanged;
import dev.origo.events.EventEnvelope;

/**
 * Every command endpoint's success path through the real stack: the reply, the write-model rows, the
 * blob in S3 and the event on {@code origo.asset-events} with the asset's next sequence.
 */
class CommandEndpointsIT extends CommandIT {

    @Nested
    class ReplaceContent {

        @Test
        void replacesLatestContentAndEmitsAssetContentReplaced() {
            UUID id = newAsset(Bytes.random(1_000));
            byte[] bytes = Bytes.random(30_000);
            String sha256 = Bytes.sha256(bytes);

            Exchange replaced = replace(id, bytes, "v2.pdf", "application/pdf");

            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            assertThat(replaced.json()).containsEntry("id", id.toString()).containsEntry("filename", "v2.pdf")
                    .containsEntry("content_type", "application/pdf").containsEntry("size", 30_000)
                    .containsEntry("sha256", sha256).containsEntry("etag", '"' + sha256 + '"')
                    .containsEntry("is_public", true).containsEntry("sequence", 2).containsKey("created_at");
            assertThat(replaced.sequence()).isEqualTo(2);
            assertThat(blobSize(sha256)).isEqualTo(30_000);
            assertThat(jdbc().sql("SELECT sha256 FROM command.assets WHERE id = ?").param(id).query(String.class)
                    .single()).isEqualTo(sha256);
            List<EventEnvelope> events = events(id, 2);
            assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
            assertThat(events.get(1).payload())
                    .isEqualTo(new AssetContentReplaced("v2.pdf", "application/pdf", 30_000, sha256));
        }
    }

    @Nested
    class Publish {

        @Test
        void publishesVersionPointingAtCurrentBlob() {
            byte[] bytes = Bytes.random(2_000);
            String sha256 = Bytes.sha256(bytes);
            UUID id = newAsset(bytes);

            Exchange first = send("POST", "/assets/" + id + "/publish", null, null);
            Exchange second = send("POST", "/assets/" + id + "/publish", null, null);

            assertThat(first.status()).as(first.body()).isEqualTo(201);
            Map<String, Object> body = first.json();
            String versionId = (String) body.get("version_id");
            assertThat(body).containsOnlyKeys("version_id", "version_number", "etag", "url", "sequence")
                    .containsEntry("version_number", 1).containsEntry("etag", '"' + sha256 + '"')
                    .containsEntry("url", "http://127.0.0.1:8080/assets/public/" + versionId)
                    .containsEntry("sequence", 2);
            assertThat(first.header("Location")).isEqualTo("http://127.0.0.1:8080/assets/public/" + versionId);
            assertThat(second.json()).containsEntry("version_number", 2).containsEntry("sequence", 3);
            assertThat(jdbc().sql("SELECT number, sha256, size FROM command.versions WHERE asset_id = ? ORDER BY number")
                    .param(id).query((row, n) -> row.getInt(1) + ":" + row.getString(2) + ":" + row.getLong(3)).list())
                    .containsExactly("1:" + sha256 + ":2000", "2:" + sha256 + ":2000");
            List<EventEnvelope> events = events(id, 3);
            assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L);
            assertThat(events.get(1).payload()).isEqualTo(new AssetPublished(UUID.fromString(versionId), 1, sha256,
                    2_000, "application/octet-stream", "asset.bin"));
        }
    }

    @Nested
    class Visibility {

        @Test
        void patchMakesAssetPrivateAndEmitsAssetVisibilityChanged() {
            UUID id = newAsset(Bytes.random(100));

            Exchange patched = json("PATCH", "/assets/" + id, "{\"is_public\": false}");

            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.json()).containsEntry("id", id.toString()).containsEntry("is_public", false)
                    .containsEntry("sequence", 2);
            assertThat(jdbc().sql("SELECT is_public FROM command.assets WHERE id = ?").param(id).query(Boolean.class)
                    .single()).isFalse();
            assertThat(events(id, 2)).extracting(EventEnvelope::payload)
                    .element(1).isEqualTo(new AssetVisibilityChanged(false));
        }

        @Test
        void patchToTheVisibilityTheAssetHasRecordsNothing() {
            UUID id = newAsset(Bytes.random(100));

            Exchange same = json("PATCH", "/assets/" + id, "{\"is_public\": true}");

            assertThat(same.status()).as(same.body()).isEqualTo(200);
            assertThat(same.json()).containsEntry("id", id.toString()).containsEntry("is_public", true)
                    .containsEntry("sequence", 1);
            assertThat(same.sequence()).isEqualTo(1);
            // A real change after it is the barrier: had the no-op emitted an event, it would be sequence 2.
            assertThat(json("PATCH", "/assets/" + id, "{\"is_public\": false}").json()).containsEntry("sequence", 2);
            assertThat(events(id, 2)).extracting(EventEnvelope::payload)
                    .element(1).isEqualTo(new AssetVisibilityChanged(false));
            assertThat(json("PATCH", "/assets/" + id, "{\"is_public\": false}").json()).containsEntry("sequence", 2);
        }

        @Test
        void acceptsMergePatchJson() {
            UUID id = newAsset(Bytes.random(100));

            Exchange patched = send("PATCH", "/assets/" + id, "application/merge-patch+json",
                    "{\"is_public\": false}".getBytes());

            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.json()).containsEntry("is_public", false);
        }
    }

    @Nested
    class Delete {

        @Test
        void deleteEmitsAssetDeletedAndLaterCommandsConflict() {
            UUID id = newAsset(Bytes.random(100));

            Exchange deleted = send("DELETE", "/assets/" + id, null, null);

            assertThat(deleted.status()).isEqualTo(204);
            assertThat(deleted.body()).isEmpty();
            assertThat(deleted.sequence()).isEqualTo(2);
            assertThat(jdbc().sql("SELECT deleted FROM command.assets WHERE id = ?").param(id).query(Boolean.class)
                    .single()).isTrue();
            assertThat(events(id, 2)).extracting(EventEnvelope::payload)
                    .containsExactly(events(id, 1).get(0).payload(), new AssetDeleted());
            assertThat(events(id, 2).get(0).payload()).isInstanceOf(AssetUploaded.class);

            assertProblem(send("POST", "/assets/" + id + "/publish", null, null), 409, "asset-deleted");
            assertProblem(replace(id, Bytes.random(10), "x.bin", "application/octet-stream"), 409, "asset-deleted");
            assertProblem(json("PATCH", "/assets/" + id, "{\"is_public\": true}"), 409, "asset-deleted");
            assertProblem(send("POST", "/assets/" + id + "/access-token", null, null), 409, "asset-deleted");
            assertProblem(send("DELETE", "/assets/" + id, null, null), 409, "asset-deleted");
            assertThat(jdbc().sql("SELECT max(sequence) FROM command.outbox WHERE asset_id = ?").param(id)
                    .query(Long.class).single()).isEqualTo(2L);
        }
    }

    @Nested
    class AccessTokens {

        @Test
        void issuesTokenReturnedOnceAndStoresOnlyItsHash() {
            UUID id = newAsset(Bytes.random(100));
            Instant before = Instant.now();

            Exchange issued = send("POST", "/assets/" + id + "/access-token", null, null);

            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            assertThat(issued.header("Cache-Control")).isEqualTo("no-store");
            Map<String, Object> body = issued.json();
            String token = (String) body.get("token");
            String tokenId = (String) body.get("token_id");
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(body).containsOnlyKeys("token_id", "token", "asset_id", "expires_at", "url", "sequence")
                    .containsEntry("asset_id", id.toString()).containsEntry("sequence", 2)
                    .containsEntry("url", "http://127.0.0.1:8080/assets/private/" + token);
            Instant expiresAt = Instant.parse((String) body.get("expires_at"));
            assertThat(expiresAt).isCloseTo(before.plusSeconds(3600), within(30, ChronoUnit.SECONDS));
            String sha256 = Bytes.sha256(token.getBytes());
            assertThat(jdbc().sql("SELECT token_sha256 FROM command.access_tokens WHERE id = ?")
                    .param(UUID.fromString(tokenId)).query(String.class).single()).isEqualTo(sha256);
            assertThat(events(id, 2).get(1).payload())
                    .isEqualTo(new AccessTokenIssued(UUID.fromString(tokenId), sha256, expiresAt));
            assertThat(jdbc().sql("""
                    SELECT count(*) FROM command.access_tokens t, command.outbox o
                     WHERE t.token_sha256 = ? OR o.envelope LIKE ?""").params(token, "%" + token + "%")
                    .query(Long.class).single()).as("raw token stored somewhere").isZero();
        }

        @Test
        void honoursExpiresIn() {
            UUID id = newAsset(Bytes.random(100));
            Instant before = Instant.now();

            Exchange issued = json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": 60}");

            assertThat(issued.status()).isEqualTo(201);
            assertThat(Instant.parse((String) issued.json().get("expires_at")))
                    .isCloseTo(before.plusSeconds(60), within(30, ChronoUnit.SECONDS));
        }

        @ParameterizedTest
        @ValueSource(longs = {604_801, Long.MAX_VALUE})
        void expiresInPastTheCapIsCutToIt(long expiresIn) {
            UUID id = newAsset(Bytes.random(100));
            Instant before = Instant.now();

            Exchange issued = json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": " + expiresIn + "}");

            assertThat(issued.status()).isEqualTo(201);
            assertThat(Instant.parse((String) issued.json().get("expires_at")))
                    .isCloseTo(before.plus(Duration.ofDays(7)), within(30, ChronoUnit.SECONDS));
        }

        @Test
        void revokesTokenOnceAndEmitsItsHash() {
            UUID id = newAsset(Bytes.random(100));
            Map<String, Object> issued = send("POST", "/assets/" + id + "/access-token", null, null).json();
            UUID tokenId = UUID.fromString((String) issued.get("token_id"));
            String sha256 = Bytes.sha256(((String) issued.get("token")).getBytes());

            Exchange revoked = send("DELETE", "/assets/" + id + "/access-tokens/" + tokenId, null, null);

            assertThat(revoked.status()).isEqualTo(204);
            assertThat(revoked.sequence()).isEqualTo(3);
            assertThat(jdbc().sql("SELECT revoked_at IS NOT NULL FROM command.access_tokens WHERE id = ?")
                    .param(tokenId).query(Boolean.class).single()).isTrue();
            assertThat(events(id, 3).get(2).payload()).isEqualTo(new AccessTokenRevoked(tokenId, sha256));
            assertProblem(send("DELETE", "/assets/" + id + "/access-tokens/" + tokenId, null, null), 409,
                    "token-revoked");
        }

        @Test
        void tokenOfAnotherAssetOrUnknownIsNotFound() {
            UUID id = newAsset(Bytes.random(100));
            UUID other = newAsset(Bytes.random(100));
            String tokenId = (String) send("POST", "/assets/" + other + "/access-token", null, null).json()
                    .get("token_id");

            assertProblem(send("DELETE", "/assets/" + id + "/access-tokens/" + tokenId, null, null), 404,
                    "token-not-found");
            assertProblem(send("DELETE", "/assets/" + id + "/access-tokens/" + UUID.randomUUID(), null, null), 404,
                    "token-not-found");
        }
    }
}
