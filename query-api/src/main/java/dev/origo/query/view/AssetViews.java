package dev.origo.query.view;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up asset views in {@code query.asset_view}. */
@Repository
public class AssetViews {

    private final JdbcClient jdbc;

    AssetViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssetView> find(UUID assetId) {
        return jdbc.sql("SELECT * FROM query.asset_view WHERE asset_id = ?")
                .param(assetId)
                .query(AssetViews::map)
                .optional();
    }

    private static AssetView map(ResultSet row, int rowNumber) throws SQLException {
        return new AssetView(
                row.getObject("asset_id", UUID.class),
                row.getString("filename"),
                row.getString("content_type"),
                row.getLong("size"),
                row.getString("sha256"),
                row.getBoolean("is_public"),
                row.getBoolean("deleted"),
                row.getInt("latest_version"),
                row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("content_modified_at").toInstant(),
                row.getLong("sequence"));
    }
}
