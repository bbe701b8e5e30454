package dev.origo.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels on {@link Topics#ASSET_EVENTS}: identity, the asset it belongs to, its
 * per-asset {@code sequence} (1 for the asset's first event, +1 for each later one) and its payload.
 */
public record EventEnvelope(UUID eventId, UUID assetId, long sequence, Instant occurredAt, AssetEvent payload) {

    /** The schema version this code writes. Readers accept every version listed in {@link EventCodec}. */
    public static final int SCHEMA_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(assetId, "asset_id");
        Objects.requireNonNull(occurredAt, "occurred_at");
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, was " + sequence);
        }
    }

    public String type() {
        return payload.eventType().typeName();
    }

    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
