package dev.origo.purge.notice;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.ReadModelChange;
import dev.origo.events.Topics;
import dev.origo.purge.PurgeMetrics;

/**
 * Thin: decode a poll's notices, purge them as one batch. A batch listener with ack-mode BATCH: the
 * offsets are committed only after this method returned, i.e. after every notice was purged or
 * dead-lettered; if it throws, the batch is redelivered. The batching window is the consumer's
 * fetch wait (see purge-worker.yml).
 */
@Component
class ChangeNoticeListener {

    private final EventCodec codec = new EventCodec();
    private final NoticePurger purger;
    private final DeadLetters deadLetters;
    private final PurgeMetrics metrics;

    ChangeNoticeListener(NoticePurger purger, DeadLetters deadLetters, PurgeMetrics metrics) {
        this.purger = purger;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    // The group is spring.kafka.consumer.group-id, not the listener id: several workers may share one JVM (tests).
    @KafkaListener(id = "purge-worker", idIsGroup = false, topics = Topics.READ_MODEL_CHANGES, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<ReadModelChange> notices = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                notices.add(codec.decodeChange(record.value()));
            } catch (RuntimeException unreadable) {
                // Fatal, not retriable: the same bytes will never decode.
                deadLetters.send(record.key(), record.value(), "none", "unreadable", unreadable.toString(), 0);
                metrics.deadLettered("none", "unreadable");
            }
        }
        purger.purge(notices);
    }
}
