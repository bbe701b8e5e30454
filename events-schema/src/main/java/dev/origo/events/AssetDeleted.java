package dev.origo.events;

/** The asset and all its versions left public view. */
public record AssetDeleted() implements AssetEvent {

    @Override
    public EventType eventType() {
        return EventType.ASSET_DELETED;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.deleted(this);
    }
}
