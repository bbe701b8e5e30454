package dev.origo.query.view;

import java.time.Instant;
import java.util.UUID;

/** The read model's view of an access token, found by the SHA-256 of the token. */
public record TokenView(
        String tokenSha256,
        UUID tokenId,
        UUID assetId,
        Instant expiresAt,
        boolean revoked,
        long sequence) {

    /** Not revoked and not expired at {@code now}. */
    public boolean isValidAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
