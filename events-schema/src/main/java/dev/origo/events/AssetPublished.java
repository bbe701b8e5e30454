package dev.origo.events;

import java.util.UUID;

/** The current content was frozen as an immutable version; the version points at the blob. */
public record AssetPublished(
        UUID versionId, int versionNumber, String sha256, long size, String contentType, String filename)
        implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ASSET_PUBLISHED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.published(this);
    }
}
