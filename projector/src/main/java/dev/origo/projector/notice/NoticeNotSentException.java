package dev.origo.projector.notice;

import dev.origo.events.ReadModelChange;

/** Kafka did not take a change notice; the event is retried (the projection will skip it as a duplicate). */
public class NoticeNotSentException extends RuntimeException {

    NoticeNotSentException(ReadModelChange change, Throwable cause) {
        super("change notice for asset " + change.assetId() + " sequence " + change.sequence() + " not sent", cause);
    }
}
