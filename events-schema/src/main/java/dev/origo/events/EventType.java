package dev.origo.events;

import java.util.Arrays;
import java.util.Optional;

/** The v1 event types, their names on the wire and their payload classes. */
public enum EventType {
    ASSET_UPLOADED("AssetUploaded", AssetUploaded.class),
    ASSET_CONTENT_REPLACED("AssetContentReplaced", AssetContentReplaced.class),
    ASSET_PUBLISHED("AssetPublished", AssetPublished.class),
    ASSET_VISIBILITY_CHANGED("AssetVisibilityChanged", AssetVisibilityChanged.class),
    ASSET_DELETED("AssetDeleted", AssetDeleted.class),
    ACCESS_TOKEN_ISSUED("AccessTokenIssued", AccessTokenIssued.class),
    ACCESS_TOKEN_REVOKED("AccessTokenRevoked", AccessTokenRevoked.class);

    private final String typeName;
    private final Class<? extends AssetEvent> payloadClass;

    EventType(String typeName, Class<? extends AssetEvent> payloadClass) {
        this.typeName = typeName;
        this.payloadClass = payloadClass;
    }

    public String typeName() {
        return typeName;
    }

    public Class<? extends AssetEvent> payloadClass() {
        return payloadClass;
    }

    public static Optional<EventType> named(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
