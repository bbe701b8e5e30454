package dev.origo.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetEvent;
import dev.origo.events.AssetPublished;
import dev.origo.events.AssetUploaded;
import dev.origo.events.AssetVisibilityChanged;
import dev.origo.events.EventEnvelope;
import dev.origo.events.ReadModelChange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** Events → rows, against a real PostgreSQL and the real migrations, without a Spring context. */
class ProjectionTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;
    private static Projection projection;
    private static SimpleMeterRegistry metrics;

    private UUID asset;

    @BeforeAll
    static void database() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).schemas("query")
                .locations("classpath:db/migration/query").load().migrate();
        javax.sql.DataSource tables = postgres.getDatabase("postgres", "postgres", Map.of("currentSchema", "query"));
        jdbc = JdbcClient.create(tables);
        metrics = new SimpleMeterRegistry();
        projection = new Projection(jdbc, new TransactionTemplate(new JdbcTransactionManager(tables)),
                new ProjectionMetrics(metrics), Clock.fixed(T0.plusSeconds(1), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void newAsset() {
        asset = UUID.randomUUID();
    }

    private ReadModelChange apply(long sequence, AssetEvent event) {
        List<ReadModelChange> changes = applyAll(sequence, event);
        assertThat(changes).hasSize(1);
        return changes.get(0);
    }

    private List<ReadModelChange> applyAll(long sequence, AssetEvent event) {
        return projection.apply(new EventEnvelope(UUID.randomUUID(), asset, sequence, T0.plusSeconds(sequence), event));
    }

    private Map<String, Object> assetRow() {
        return jdbc.sql("SELECT * FROM query.asset_view WHERE asset_id = ?").param(asset).query().singleRow();
    }

    private void upload() {
        apply(1, new AssetUploaded("a.txt", "text/plain", 3, SHA_A, true));
    }

    @Nested
    class EveryEventType {

        @Test
        void uploadCreatesTheAssetViewAtSequenceOne() {
            ReadModelChange change = apply(1, new AssetUploaded("a.txt", "text/plain", 3, SHA_A, true));

            assertThat(assetRow()).containsEntry("filename", "a.txt").containsEntry("content_type", "text/plain")
                    .containsEntry("size", 3L).containsEntry("sha256", SHA_A).containsEntry("is_public", true)
                    .containsEntry("deleted", false).containsEntry("sequence", 1L).containsEntry("latest_version", 0);
            assertThat(change.assetId()).isEqualTo(asset);
            assertThat(change.sequence()).isEqualTo(1);
            assertThat(change.eventType()).isEqualTo("AssetUploaded");
            assertThat(change.projectedAt()).isEqualTo(T0.plusSeconds(1));
        }

        @Test
        void replacementChangesLatestContentAndLastModified() {
            upload();

            apply(2, new AssetContentReplaced("b.txt", "text/csv", 5, SHA_B));

            assertThat(assetRow()).containsEntry("filename", "b.txt").containsEntry("content_type", "text/csv")
                    .containsEntry("size", 5L).containsEntry("sha256", SHA_B).containsEntry("sequence", 2L);
            assertThat(((java.sql.Timestamp) assetRow().get("content_modified_at")).toInstant())
                    .isEqualTo(T0.plusSeconds(2));
        }

        @Test
        void publishAddsAVersionAndAnnouncesIt() {
            upload();
            UUID version = UUID.randomUUID();

            ReadModelChange change = apply(2, new AssetPublished(version, 1, SHA_A, 3, "text/plain", "a.txt"));

            assertThat(jdbc.sql("SELECT number, sha256, sequence FROM query.version_view WHERE version_id = ?")
                    .param(version).query().singleRow())
                    .containsEntry("number", 1).containsEntry("sha256", SHA_A).containsEntry("sequence", 2L);
            assertThat(assetRow()).containsEntry("latest_version", 1).containsEntry("sequence", 2L);
            assertThat(change.versionIds()).containsExactly(version);
        }

        @Test
        void visibilityChangeAndDeletionAreRecorded() {
            upload();

            apply(2, new AssetVisibilityChanged(false));
            assertThat(assetRow()).containsEntry("is_public", false).containsEntry("sequence", 2L);

            apply(3, new AssetDeleted());
            assertThat(assetRow()).containsEntry("deleted", true).containsEntry("sequence", 3L);
        }

        @Test
        void tokensAreIssuedAndRevokedByHash() {
            upload();
            UUID token = UUID.randomUUID();
            String hash = UUID.randomUUID().toString().replace("-", "") + "0".repeat(32);

            ReadModelChange issued = apply(2, new AccessTokenIssued(token, hash, T0.plusSeconds(3600)));
            assertThat(jdbc.sql("SELECT token_id, revoked FROM query.token_view WHERE token_sha256 = ?").param(hash)
                    .query().singleRow()).containsEntry("token_id", token).containsEntry("revoked", false);
            assertThat(issued.tokenSha256s()).containsExactly(hash);

            ReadModelChange revoked = apply(3, new AccessTokenRevoked(token, hash));
            assertThat(jdbc.sql("SELECT revoked, sequence FROM query.token_view WHERE token_sha256 = ?").param(hash)
                    .query().singleRow()).containsEntry("revoked", true).containsEntry("sequence", 3L);
            assertThat(revoked.tokenSha256s()).containsExactly(hash);
            assertThat(assetRow()).containsEntry("sequence", 3L);
        }
    }

    @Nested
    class Idempotency {

        @Test
        void skipsDuplicateEventBySequence() {
            upload();
            apply(2, new AssetContentReplaced("b.txt", "text/plain", 5, SHA_B));
            double duplicates = metrics.counter("origo.projection.duplicates").count();

            ReadModelChange change = apply(2, new AssetContentReplaced("c.txt", "text/plain", 9, SHA_A));

            assertThat(assetRow()).containsEntry("filename", "b.txt").containsEntry("sequence", 2L);
            assertThat(metrics.counter("origo.projection.duplicates").count()).isEqualTo(duplicates + 1);
            assertThat(change.sequence()).isEqualTo(2);
        }

        @Test
        void skipsAnOlderEventAfterNewerOnesWereApplied() {
            upload();
            apply(2, new AssetVisibilityChanged(false));

            apply(1, new AssetUploaded("other.txt", "text/plain", 1, SHA_B, true));

            assertThat(assetRow()).containsEntry("filename", "a.txt").containsEntry("is_public", false);
        }

        @Test
        void parksAnEventAfterAGapAndAppliesNothing() {
            upload();
            double gaps = metrics.counter("origo.projection.gaps").count();

            assertThat(applyAll(3, new AssetVisibilityChanged(false))).isEmpty();

            assertThat(assetRow()).containsEntry("is_public", true).containsEntry("sequence", 1L);
            assertThat(metrics.counter("origo.projection.gaps").count()).isEqualTo(gaps + 1);
            assertThat(jdbc.sql("SELECT sequence FROM query.parked_events WHERE asset_id = ?").param(asset)
                    .query(Long.class).list()).containsExactly(3L);
        }

        @Test
        void appliesParkedSuccessorsOnceTheMissingEventArrives() {
            upload();
            applyAll(4, new AssetDeleted());
            applyAll(3, new AssetVisibilityChanged(false));

            List<ReadModelChange> changes = applyAll(2, new AssetContentReplaced("b.txt", "text/plain", 5, SHA_B));

            assertThat(changes).extracting(ReadModelChange::sequence).containsExactly(2L, 3L, 4L);
            assertThat(changes).extracting(ReadModelChange::eventType)
                    .containsExactly("AssetContentReplaced", "AssetVisibilityChanged", "AssetDeleted");
            assertThat(assetRow()).containsEntry("filename", "b.txt").containsEntry("is_public", false)
                    .containsEntry("deleted", true).containsEntry("sequence", 4L);
            assertThat(jdbc.sql("SELECT count(*) FROM query.parked_events WHERE asset_id = ?").param(asset)
                    .query(Integer.class).single()).isZero();
        }

        @Test
        void parksAFirstEventThatIsNotSequenceOne() {
            assertThat(applyAll(2, new AssetVisibilityChanged(false))).isEmpty();

            assertThat(jdbc.sql("SELECT count(*) FROM query.asset_view WHERE asset_id = ?").param(asset)
                    .query(Integer.class).single()).isZero();

            applyAll(1, new AssetUploaded("a.txt", "text/plain", 3, SHA_A, true));
            assertThat(assetRow()).containsEntry("is_public", false).containsEntry("sequence", 2L);
        }
    }

    @Test
    void recordsProjectionLag() {
        long before = metrics.timer("origo.projection.lag").count();

        upload();

        assertThat(metrics.timer("origo.projection.lag").count()).isEqualTo(before + 1);
        assertThat(List.of(metrics.counter("origo.projection.applied", "type", "AssetUploaded").count()))
                .allMatch(count -> count >= 1);
    }
}
