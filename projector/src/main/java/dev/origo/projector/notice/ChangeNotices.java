package dev.origo.projector.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.ReadModelChange;
import dev.origo.events.Topics;

/**
 * Publishes change notices to {@code origo.read-model-changes} (key = asset id). {@link #send} hands a notice
 * to the producer; {@link Pending#await} waits for the broker's acknowledgement of every notice sent, so the
 * projector commits its offsets only once the notices are out. Waiting once per poll instead of once per
 * notice: on a loaded machine each acknowledgement took 10–75 ms, which capped the projector at a few
 * dozen events a second (decision 0019). The producer keeps a partition's notices in order.
 */
@Component
public class ChangeNotices {

    private final KafkaTemplate<String, byte[]> kafka;
    private final EventCodec codec = new EventCodec();

    public ChangeNotices(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /** The notices of one poll, sent and not yet known to be acknowledged. */
    public Pending pending() {
        return new Pending();
    }

    public final class Pending {

        private final List<Sent> sent = new ArrayList<>();

        private Pending() {
        }

        public void send(ReadModelChange change) {
            sent.add(new Sent(change,
                    kafka.send(Topics.READ_MODEL_CHANGES, change.assetId().toString(), codec.encode(change))));
        }

        /** Waits until the broker acknowledged every notice sent; {@link NoticeNotSentException} for the first it did not. */
        public void await() {
            for (Sent notice : sent) {
                try {
                    notice.result().get(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new NoticeNotSentException(notice.change(), e);
                } catch (ExecutionException | TimeoutException e) {
                    throw new NoticeNotSentException(notice.change(), e);
                }
            }
            sent.clear();
        }
    }

    private record Sent(ReadModelChange change, CompletableFuture<SendResult<String, byte[]>> result) {
    }
}
