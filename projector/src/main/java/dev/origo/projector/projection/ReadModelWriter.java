package dev.origo.projector.projection;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetEvent;
import dev.origo.events.AssetPublished;
import dev.origo.events.AssetUploaded;
import dev.origo.events.AssetVisibilityChanged;
import dev.origo.events.EventEnvelope;

/**
 * Applies one event to the read tables. A visitor, so a new event type does not compile until it is
 * handled here. Runs inside the projection's transaction; returns the token hashes whose views changed.
 */
final class ReadModelWriter implements AssetEvent.Visitor<List<String>> {

    private final JdbcClient jdbc;
    private final EventEnvelope envelope;

    ReadModelWriter(JdbcClient jdbc, EventEnvelope envelope) {
        this.jdbc = jdbc;
        this.envelope = envelope;
    }

    private UUID assetId() {
        return envelope.assetId();
    }

    private Timestamp at() {
        return Timestamp.from(envelope.occurredAt());
    }

    @Override
    public List<String> uploaded(AssetUploaded e) {
        jdbc.sql("""
                INSERT INTO asset_view (asset_id, filename, content_type, size, sha256, is_public,
                                              created_at, content_modified_at, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(assetId(), e.filename(), e.contentType(), e.size(), e.sha256(), e.isPublic(),
                        at(), at(), envelope.sequence())
                .update();
        return List.of();
    }

    @Override
    public List<String> contentReplaced(AssetContentReplaced e) {
        jdbc.sql("""
                UPDATE asset_view SET filename = ?, content_type = ?, size = ?, sha256 = ?,
                       content_modified_at = ?, sequence = ? WHERE asset_id = ?
                """)
                .params(e.filename(), e.contentType(), e.size(), e.sha256(), at(), envelope.sequence(), assetId())
                .update();
        return List.of();
    }

    @Override
    public List<String> published(AssetPublished e) {
        jdbc.sql("""
                INSERT INTO version_view (version_id, asset_id, number, sha256, size, content_type, filename,
                                                published_at, sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(e.versionId(), assetId(), e.versionNumber(), e.sha256(), e.size(), e.contentType(),
                        e.filename(), at(), envelope.sequence())
                .update();
        jdbc.sql("UPDATE asset_view SET latest_version = ?, sequence = ? WHERE asset_id = ?")
                .params(e.versionNumber(), envelope.sequence(), assetId())
                .update();
        return List.of();
    }

    @Override
    public List<String> visibilityChanged(AssetVisibilityChanged e) {
        jdbc.sql("UPDATE asset_view SET is_public = ?, sequence = ? WHERE asset_id = ?")
                .params(e.isPublic(), envelope.sequence(), assetId())
                .update();
        return List.of();
    }

    @Override
    public List<String> deleted(AssetDeleted e) {
        jdbc.sql("UPDATE asset_view SET deleted = true, sequence = ? WHERE asset_id = ?")
                .params(envelope.sequence(), assetId())
                .update();
        return List.of();
    }

    @Override
    public List<String> tokenIssued(AccessTokenIssued e) {
        jdbc.sql("""
                INSERT INTO token_view (token_sha256, token_id, asset_id, expires_at, sequence)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(e.tokenSha256(), e.tokenId(), assetId(), Timestamp.from(e.expiresAt()), envelope.sequence())
                .update();
        bumpAsset();
        return List.of(e.tokenSha256());
    }

    @Override
    public List<String> tokenRevoked(AccessTokenRevoked e) {
        jdbc.sql("UPDATE token_view SET revoked = true, sequence = ? WHERE token_id = ?")
                .params(envelope.sequence(), e.tokenId())
                .update();
        bumpAsset();
        return List.of(e.tokenSha256());
    }

    private void bumpAsset() {
        jdbc.sql("UPDATE asset_view SET sequence = ? WHERE asset_id = ?")
                .params(envelope.sequence(), assetId())
                .update();
    }

}
