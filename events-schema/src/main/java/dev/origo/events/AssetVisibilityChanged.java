package dev.origo.events;

/** The asset became public or private. */
public record AssetVisibilityChanged(boolean isPublic) implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ASSET_VISIBILITY_CHANGED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visibilityChanged(this);
    }
}
