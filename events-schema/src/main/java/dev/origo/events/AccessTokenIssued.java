package dev.origo.events;

import java.time.Instant;
import java.util.UUID;

/** A private link was issued; only the SHA-256 (lowercase hex) of the token travels. */
public record AccessTokenIssued(UUID tokenId, String tokenSha256, Instant expiresAt) implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ACCESS_TOKEN_ISSUED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.tokenIssued(this);
    }
}
