package dev.origo.command.asset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code command.assets} table. Callers hold the transaction. */
@Repository
public class Assets {

    private final JdbcClient jdbc;

    Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Asset asset) {
        jdbc.sql("""
                INSERT INTO command.assets
                    (id, filename, content_type, size, sha256, is_public, deleted, sequence, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(asset.id(), asset.filename(), asset.contentType(), asset.size(), asset.sha256(),
                        asset.isPublic(), asset.deleted(), asset.sequence(),
                        Timestamp.from(asset.createdAt()), Timestamp.from(asset.updatedAt()))
                .update();
    }

    /**
     * Writes {@code next} only if the row still has {@code expectedSequence}: the compare-and-set that keeps
     * an asset's sequences contiguous. A concurrent winner holds the row lock until it commits; PostgreSQL then
     * re-checks the condition against the committed row, so the loser sees {@code false}, never a lost update.
     */
    public boolean compareAndSet(Asset next, long expectedSequence) {
        if (next.sequence() != expectedSequence + 1) {
            throw new IllegalArgumentException("next sequence must be " + (expectedSequence + 1));
        }
        return jdbc.sql("""
                UPDATE command.assets
                   SET filename = ?, content_type = ?, size = ?, sha256 = ?, is_public = ?, deleted = ?,
                       sequence = ?, updated_at = ?
                 WHERE id = ? AND sequence = ?
                """)
                .params(next.filename(), next.contentType(), next.size(), next.sha256(), next.isPublic(),
                        next.deleted(), next.sequence(), Timestamp.from(next.updatedAt()), next.id(), expectedSequence)
                .update() == 1;
    }

    public Optional<Asset> find(UUID id) {
        return jdbc.sql("SELECT * FROM command.assets WHERE id = ?").param(id).query(Assets::map).optional();
    }

    private static Asset map(ResultSet row, int rowNumber) throws SQLException {
        return new Asset(
                row.getObject("id", UUID.class),
                row.getString("filename"),
                row.getString("content_type"),
                row.getLong("size"),
                row.getString("sha256"),
                row.getBoolean("is_public"),
                row.getBoolean("deleted"),
                row.getLong("sequence"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant());
    }
}
