package dev.origo.events;

/** The latest content of an asset was replaced; published versions are untouched. */
public record AssetContentReplaced(
        String filename, String contentType, long size, String sha256) implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ASSET_CONTENT_REPLACED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.contentReplaced(this);
    }
}
