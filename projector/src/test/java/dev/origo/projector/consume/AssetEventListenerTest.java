package dev.origo.projector.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.SendResult;

import dev.origo.events.AssetVisibilityChanged;
import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;
import dev.origo.events.MalformedEventException;
import dev.origo.events.ReadModelChange;
import dev.origo.events.Topics;
import dev.origo.projector.notice.ChangeNotices;
import dev.origo.projector.notice.NoticeNotSentException;
import dev.origo.projector.projection.Projection;

/**
 * A poll at a time: every event is projected and its notice sent before the first acknowledgement is
 * waited for, and the listener returns (so the offsets are committed) only once every notice was
 * acknowledged. A bad event is reported by its index after the notices of the events before it are out.
 */
class AssetEventListenerTest {

    private final EventCodec codec = new EventCodec();
    private final Projection projection = mock(Projection.class);
    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, byte[]> kafka = mock(KafkaTemplate.class);
    private final List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
    private final AssetEventListener listener;

    AssetEventListenerTest() {
        listener = new AssetEventListener(projection, new ChangeNotices(kafka));
        when(kafka.send(eq(Topics.READ_MODEL_CHANGES), anyString(), any(byte[].class))).thenAnswer(call -> {
            CompletableFuture<SendResult<String, byte[]>> send = new CompletableFuture<>();
            sends.add(send);
            return send;
        });
        when(projection.apply(any())).thenAnswer(call -> List.of(change(call.getArgument(0))));
    }

    @Test
    void sendsEveryNoticeOfThePollBeforeWaitingAndReturnsOnlyWhenAllAreAcknowledged() throws InterruptedException {
        List<ConsumerRecord<String, byte[]>> poll = List.of(record(event()), record(event()), record(event()));

        Thread consumer = new Thread(() -> listener.on(poll));
        consumer.start();

        // All three notices leave while none is acknowledged yet.
        await().until(() -> sends.size() == 3);
        assertThat(consumer.isAlive()).isTrue();
        sends.get(0).complete(null);
        sends.get(2).complete(null);
        consumer.join(200);
        assertThat(consumer.isAlive()).as("returns before every notice was acknowledged").isTrue();

        sends.get(1).complete(null);
        consumer.join(5_000);
        assertThat(consumer.isAlive()).isFalse();
    }

    @Test
    void aNoticeTheBrokerRefusedFailsThePoll() {
        when(kafka.send(eq(Topics.READ_MODEL_CHANGES), anyString(), any(byte[].class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker gone")));

        assertThatThrownBy(() -> listener.on(List.of(record(event()))))
                .isInstanceOf(NoticeNotSentException.class);
    }

    @Test
    void aBadEventIsReportedByItsIndexAfterTheNoticesBeforeItAreOut() {
        when(kafka.send(eq(Topics.READ_MODEL_CHANGES), anyString(), any(byte[].class)))
                .thenAnswer(call -> {
                    CompletableFuture<SendResult<String, byte[]>> send = CompletableFuture.completedFuture(null);
                    sends.add(send);
                    return send;
                });
        EventEnvelope first = event();
        ConsumerRecord<String, byte[]> unreadable = new ConsumerRecord<>(Topics.ASSET_EVENTS, 0, 1, "k",
                "{not json".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> listener.on(List.of(record(first), unreadable, record(event()))))
                .isInstanceOfSatisfying(BatchListenerFailedException.class,
                        e -> assertThat(e.getIndex()).isEqualTo(1))
                .hasCauseInstanceOf(MalformedEventException.class);
        verify(projection).apply(first);
        assertThat(sends).hasSize(1).allMatch(CompletableFuture::isDone);
        verify(projection, never()).apply(org.mockito.ArgumentMatchers.argThat(e -> !e.equals(first)));
    }

    private EventEnvelope event() {
        return new EventEnvelope(UUID.randomUUID(), UUID.randomUUID(), 1, Instant.parse("2026-11-28T00:00:00Z"),
                new AssetVisibilityChanged(false));
    }

    private ConsumerRecord<String, byte[]> record(EventEnvelope event) {
        return new ConsumerRecord<>(Topics.ASSET_EVENTS, 0, 0, event.assetId().toString(), codec.encode(event));
    }

    private static ReadModelChange change(EventEnvelope event) {
        return new ReadModelChange(event.assetId(), event.sequence(), event.eventId(), "AssetVisibilityChanged",
                event.occurredAt(), event.occurredAt(), List.of(), List.of());
    }
}
