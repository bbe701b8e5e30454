package dev.origo.command.asset;

import dev.origo.command.idempotency.Reply;
import dev.origo.events.AssetEvent;

/**
 * What a command decided: the asset's next state (its {@code sequence} already the event's), the event,
 * further writes of the same transaction (a version row, a token row) and the reply to the producer.
 *
 * @param next   the asset row after the command
 * @param event  the payload of the event the command emits
 * @param writes runs in the transaction after the compare-and-set succeeded
 * @param reply  the HTTP answer, recorded for idempotent replay
 */
public record Change(Asset next, AssetEvent event, Runnable writes, Reply reply) {

    public Change(Asset next, AssetEvent event, Reply reply) {
        this(next, event, () -> { }, reply);
    }
}
