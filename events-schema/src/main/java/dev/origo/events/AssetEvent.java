package dev.origo.events;

/**
 * The payload of one asset event (DESIGN §3).
 *
 * <p>Sealed, and consumed through {@link Visitor}: Java 17 has no pattern {@code switch}, so the
 * visitor is what makes a new event type a compile error wherever it is not handled.
 */
public sealed interface AssetEvent
        permits AssetUploaded, AssetContentReplaced, AssetPublished, AssetVisibilityChanged,
                AssetDeleted, AccessTokenIssued, AccessTokenRevoked {

    EventType eventType();

    <R> R accept(Visitor<R> visitor);

    /** One method per event type; implement it to handle every event. */
    interface Visitor<R> {
        R uploaded(AssetUploaded event);

        R contentReplaced(AssetContentReplaced event);

        R published(AssetPublished event);

        R visibilityChanged(AssetVisibilityChanged event);

        R deleted(AssetDeleted event);

        R tokenIssued(AccessTokenIssued event);

        R tokenRevoked(AccessTokenRevoked event);
    }
}
