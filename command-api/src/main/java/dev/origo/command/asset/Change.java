package dev.origo.command.asset;

import dev.origo.command.idempotency.Reply;
import dev.origo.events.AssetEvent;

/**
 * What a command decided: the asset's next state (its {@code sequence} already the event's), the event,
 * further writes of the same transaction (a version row, a token row) and the reply to the producer; or, for a
 * command that asks for the state the asset is already in, {@linkplain #none nothing} but the reply.
 *
 * @param next   the asset row after the command; null when nothing changes
 * @param event  the payload of the event the command emits; null when nothing changes
 * @param writes runs in the transaction after the compare-and-set succeeded
 * @param reply  the HTTP answer, recorded for idempotent replay
 */
public record Change(Asset next, AssetEvent event, Runnable writes, Reply reply) {

    public Change(Asset next, AssetEvent event, Reply reply) {
        this(next, event, () -> { }, reply);
    }

    /**
     * Nothing to change: no event, no write, no new sequence, only the reply (recorded for idempotent replay like
     * any other). An event that changes nothing would still reach every consumer: the purge worker would purge
     * the asset's URLs at the edge for it.
     */
    public static Change none(Reply reply) {
        return new Change(null, null, () -> { }, reply);
    }

    /** Whether this is {@link #none}. */
    public boolean changesNothing() {
        return event == null;
    }
}
