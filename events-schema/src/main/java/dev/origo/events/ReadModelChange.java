package dev.origo.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change notice on {@link Topics#READ_MODEL_CHANGES}: the projector publishes one after the read
 * model committed (or skipped as a duplicate) an event, so that caches are evicted and CDNs purged
 * only once the origin serves the new state. Acting on a notice twice is harmless.
 *
 * @param assetId       the asset whose views changed
 * @param sequence      the asset sequence the read model now reflects
 * @param eventId       the event that caused the change
 * @param eventType     the event's type name
 * @param occurredAt    when the command happened
 * @param projectedAt   when the read model committed it
 * @param versionIds    every version of the asset the read model knows (for purges and eviction)
 * @param tokenSha256s  token hashes whose views changed (issued or revoked tokens)
 */
public record ReadModelChange(
        UUID assetId,
        long sequence,
        UUID eventId,
        String eventType,
        Instant occurredAt,
        Instant projectedAt,
        List<UUID> versionIds,
        List<String> tokenSha256s) {

    public ReadModelChange {
        Objects.requireNonNull(assetId, "asset_id");
        Objects.requireNonNull(eventType, "event_type");
        versionIds = versionIds == null ? List.of() : List.copyOf(versionIds);
        tokenSha256s = tokenSha256s == null ? List.of() : List.copyOf(tokenSha256s);
    }
}
