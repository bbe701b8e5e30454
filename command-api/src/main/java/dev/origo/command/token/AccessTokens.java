package dev.origo.command.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code command.access_tokens} table: token hashes, never tokens. Callers hold the transaction. */
@Repository
class AccessTokens {

    record AccessToken(UUID id, UUID assetId, String tokenSha256, Instant expiresAt, Instant revokedAt) {
    }

    private final JdbcClient jdbc;

    AccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID assetId, String tokenSha256, Instant expiresAt, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO command.access_tokens (id, asset_id, token_sha256, expires_at, created_at)
                VALUES (?, ?, ?, ?, ?)
                """)
                .params(id, assetId, tokenSha256, Timestamp.from(expiresAt), Timestamp.from(createdAt))
                .update();
    }

    Optional<AccessToken> find(UUID id) {
        return jdbc.sql("SELECT id, asset_id, token_sha256, expires_at, revoked_at FROM command.access_tokens WHERE id = ?")
                .param(id)
                .query((row, n) -> {
                    Timestamp revoked = row.getTimestamp("revoked_at");
                    return new AccessToken(row.getObject("id", UUID.class), row.getObject("asset_id", UUID.class),
                            row.getString("token_sha256"), row.getTimestamp("expires_at").toInstant(),
                            revoked == null ? null : revoked.toInstant());
                })
                .optional();
    }

    void revoke(UUID id, Instant at) {
        jdbc.sql("UPDATE command.access_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(Timestamp.from(at), id).update();
    }
}
