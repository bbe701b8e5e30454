package dev.origo.events;

/** A new asset exists, with its first content. */
public record AssetUploaded(
        String filename, String contentType, long size, String sha256, boolean isPublic) implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ASSET_UPLOADED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.uploaded(this);
    }
}
