package dev.origo.command.publish;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.origo.command.asset.Asset;

/** The {@code command.versions} table. Callers hold the transaction (and the asset's sequence). */
@Repository
class Versions {

    private final JdbcClient jdbc;

    Versions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The number the next version gets. Safe under concurrency: a publish that read stale numbers loses its compare-and-set. */
    int nextNumber(UUID assetId) {
        return jdbc.sql("SELECT coalesce(max(number), 0) + 1 FROM command.versions WHERE asset_id = ?")
                .param(assetId).query(Integer.class).single();
    }

    void insert(UUID versionId, int number, Asset asset, Instant publishedAt) {
        jdbc.sql("""
                INSERT INTO command.versions (id, asset_id, number, sha256, size, content_type, filename, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(versionId, asset.id(), number, asset.sha256(), asset.size(), asset.contentType(),
                        asset.filename(), Timestamp.from(publishedAt))
                .update();
    }
}
