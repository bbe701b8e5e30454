package dev.origo.events;

import java.util.UUID;

/** A private link stopped working before its expiry. */
public record AccessTokenRevoked(UUID tokenId, String tokenSha256) implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ACCESS_TOKEN_REVOKED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.tokenRevoked(this);
    }
}
