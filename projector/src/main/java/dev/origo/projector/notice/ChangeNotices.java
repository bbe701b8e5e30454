package dev.origo.projector.notice;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.ReadModelChange;
import dev.origo.events.Topics;

/**
 * Publishes change notices to {@code origo.read-model-changes} (key = asset id) and waits for the
 * broker's acknowledgement, so the projector commits its offset only once the notice is out.
 */
@Component
public class ChangeNotices {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec = new EventCodec();

    ChangeNotices(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    public void publish(ReadModelChange change) {
        try {
            kafka.send(Topics.READ_MODEL_CHANGES, change.assetId().toString(), codec.encode(change))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeNotSentException(change, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new NoticeNotSentException(change, e);
        }
    }
}
