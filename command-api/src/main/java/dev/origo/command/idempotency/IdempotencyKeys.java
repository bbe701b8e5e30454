package dev.origo.command.idempotency;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code command.idempotency_keys} table: one recorded reply per (producer, key) until it expires. */
@Repository
class IdempotencyKeys {

    /** A recorded reply; {@code body} is ciphertext when {@code encrypted}. */
    record Recorded(String fingerprint, int status, URI location, long sequence, String body, boolean encrypted) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Recorded> find(String producer, String key, Instant now) {
        return jdbc.sql("""
                SELECT fingerprint, status, location, sequence, body, body_encrypted
                  FROM command.idempotency_keys
                 WHERE producer = ? AND key = ? AND expires_at > ?
                """)
                .params(producer, key, Timestamp.from(now))
                .query(IdempotencyKeys::map).optional();
    }

    /**
     * Records the reply unless a live row holds the key (an expired one is overwritten). A concurrent insert
     * of the same key waits for the other transaction and then reports {@code false}.
     */
    boolean insert(String producer, String key, Recorded reply, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO command.idempotency_keys
                    (producer, key, fingerprint, status, location, sequence, body, body_encrypted, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (producer, key) DO UPDATE
                   SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status, location = EXCLUDED.location,
                       sequence = EXCLUDED.sequence, body = EXCLUDED.body, body_encrypted = EXCLUDED.body_encrypted,
                       created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
                 WHERE command.idempotency_keys.expires_at <= EXCLUDED.created_at
                """)
                .params(producer, key, reply.fingerprint(), reply.status(),
                        reply.location() == null ? null : reply.location().toString(), reply.sequence(), reply.body(),
                        reply.encrypted(), Timestamp.from(now), Timestamp.from(expiresAt))
                .update() == 1;
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM command.idempotency_keys WHERE expires_at <= ?").param(Timestamp.from(now)).update();
    }

    private static Recorded map(ResultSet row, int rowNumber) throws SQLException {
        String location = row.getString("location");
        return new Recorded(row.getString("fingerprint"), row.getInt("status"),
                location == null ? null : URI.create(location), row.getLong("sequence"), row.getString("body"),
                row.getBoolean("body_encrypted"));
    }
}
