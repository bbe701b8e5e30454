package dev.origo.events;

/** Kafka topic names. */
public final class Topics {

    /** Every asset event, keyed by asset id so that an asset's events stay in order. Kept forever. */
    public static final String ASSET_EVENTS = "origo.asset-events";

    /** Asset events the projector could not read, with the reason in a header. */
    public static final String ASSET_EVENTS_DLT = "origo.asset-events.dlt";

    /** Change notices, published by the projector after each commit; keyed by asset id. */
    public static final String READ_MODEL_CHANGES = "origo.read-model-changes";

    /** Change notices whose purge kept failing. */
    public static final String PURGE_DLQ = "origo.asset-events.purge-dlq";

    private Topics() {
    }
}
