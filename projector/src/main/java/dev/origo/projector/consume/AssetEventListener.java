package dev.origo.projector.consume;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.Topics;
import dev.origo.projector.notice.ChangeNotices;
import dev.origo.projector.projection.Projection;

/**
 * Thin: decode, project, announce, a poll at a time. Each event is projected in its own transaction and
 * its notices are sent at once; the method returns (and the container commits the poll's offsets) only
 * after the broker acknowledged every notice. An event that fails is reported by its index, so
 * {@link ConsumerErrors} commits the ones before it (their notices are out) and retries or dead-letters it
 * alone; a notice that was not acknowledged fails the whole poll, which is redelivered and skipped as
 * duplicates, notices sent again.
 */
@Component
class AssetEventListener {

    private final EventCodec codec = new EventCodec();
    private final Projection projection;
    private final ChangeNotices notices;

    AssetEventListener(Projection projection, ChangeNotices notices) {
        this.projection = projection;
        this.notices = notices;
    }

    @KafkaListener(id = "projector", topics = Topics.ASSET_EVENTS, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        ChangeNotices.Pending pending = notices.pending();
        for (int index = 0; index < records.size(); index++) {
            try {
                projection.apply(codec.decode(records.get(index).value())).forEach(pending::send);
            } catch (RuntimeException e) {
                pending.await();
                throw new BatchListenerFailedException(e.getMessage(), e, index);
            }
        }
        pending.await();
    }
}
