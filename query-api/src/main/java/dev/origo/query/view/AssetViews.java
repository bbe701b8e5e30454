package dev.origo.query.view;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up views in the read tables (schema {@code query}). Uncached: see {@code cache.CachedViews}. */
@Repository
public class AssetViews {

    private final JdbcClient jdbc;

    AssetViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AssetView> asset(UUID assetId) {
        return jdbc.sql("SELECT * FROM query.asset_view WHERE asset_id = ?")
                .param(assetId)
                .query(AssetViews::asset)
                .optional();
    }

    public Optional<VersionView> version(UUID versionId) {
        return jdbc.sql("SELECT * FROM query.version_view WHERE version_id = ?")
                .param(versionId)
                .query(AssetViews::version)
                .optional();
    }

    public List<VersionView> versionsOf(UUID assetId) {
        return jdbc.sql("SELECT * FROM query.version_view WHERE asset_id = ? ORDER BY number")
                .param(assetId)
                .query(AssetViews::version)
                .list();
    }

    public Optional<TokenView> token(String tokenSha256) {
        return jdbc.sql("SELECT * FROM query.token_view WHERE token_sha256 = ?")
                .param(tokenSha256)
                .query(AssetViews::token)
                .optional();
    }

    private static AssetView asset(ResultSet row, int rowNumber) throws SQLException {
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

    private static VersionView version(ResultSet row, int rowNumber) throws SQLException {
        return new VersionView(
                row.getObject("version_id", UUID.class),
                row.getObject("asset_id", UUID.class),
                row.getInt("number"),
                row.getString("sha256"),
                row.getLong("size"),
                row.getString("content_type"),
                row.getString("filename"),
                row.getTimestamp("published_at").toInstant(),
                row.getLong("sequence"));
    }

    private static TokenView token(ResultSet row, int rowNumber) throws SQLException {
        return new TokenView(
                row.getString("token_sha256"),
                row.getObject("token_id", UUID.class),
                row.getObject("asset_id", UUID.class),
                row.getTimestamp("expires_at").toInstant(),
                row.getBoolean("revoked"),
                row.getLong("sequence"));
    }
}
