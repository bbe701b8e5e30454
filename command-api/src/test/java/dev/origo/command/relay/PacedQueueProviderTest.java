package dev.origo.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.base.DefaultQueueProvider;
import io.debezium.connector.base.QueueProvider;
import io.debezium.pipeline.Sizeable;
import io.debezium.util.LoggingContext;

/**
 * The provider inside a real Debezium {@link ChangeEventQueue}, counted through a wrapper: how often the queue's poll
 * loop asks an empty queue for its size is how often the loop turned.
 */
class PacedQueueProviderTest {

    private static final Duration WINDOW = Duration.ofMillis(5);
    private static final int POLLS = 20;
    /** A paced loop turns a handful of times per window; Debezium's own provider lets it spin thousands of times. */
    private static final int TURNS_PER_POLL_LIMIT = 20;

    record Change(String id) implements Sizeable {
        @Override
        public long objectSize() {
            return 1;
        }
    }

    /** Counts the calls of {@link QueueProvider#size()} and passes everything on. */
    static final class CountingProvider<T> implements QueueProvider<T> {
        private final QueueProvider<T> delegate;
        long sizeCalls;

        CountingProvider(QueueProvider<T> delegate) {
            this.delegate = delegate;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void configure(Map<String, ?> properties) {
            delegate.configure(properties);
        }

        @Override
        public void enqueue(T event) throws InterruptedException {
            delegate.enqueue(event);
        }

        @Override
        public T poll() throws InterruptedException {
            return delegate.poll();
        }

        @Override
        public int size() {
            sizeCalls++;
            return delegate.size();
        }
    }

    private static <T extends Sizeable> ChangeEventQueue<T> queueOver(QueueProvider<T> provider) {
        provider.configure(Map.of("max.queue.size", 64));
        return new ChangeEventQueue.Builder<T>()
                .pollInterval(WINDOW)
                .maxBatchSize(16)
                .maxQueueSize(64)
                .loggingContextSupplier(() -> LoggingContext.forConnector("test", "test", "test"))
                .queueProvider(provider)
                .build();
    }

    private static long sizeCallsWhilePollingAnEmptyQueue(QueueProvider<Change> provider) throws InterruptedException {
        CountingProvider<Change> counting = new CountingProvider<>(provider);
        ChangeEventQueue<Change> queue = queueOver(counting);
        for (int i = 0; i < POLLS; i++) {
            assertThat(queue.poll()).isEmpty();
        }
        return counting.sizeCalls;
    }

    @Test
    void thePollLoopPausesOnAnEmptyQueueInsteadOfSpinning() throws InterruptedException {
        long paced = sizeCallsWhilePollingAnEmptyQueue(new PacedQueueProvider<>());

        assertThat(paced).isLessThan(POLLS * TURNS_PER_POLL_LIMIT);
    }

    @Test
    void debeziumsOwnProviderSpinsThroughTheEndOfEveryWindow() throws InterruptedException {
        // The control: without the pause the same loop turns far more often, so the test above can fail. When a
        // Debezium upgrade makes this fail, its poll no longer spins: drop PacedQueueProvider (decision 0028).
        long spinning = sizeCallsWhilePollingAnEmptyQueue(new DefaultQueueProvider<>());

        assertThat(spinning).isGreaterThan(POLLS * TURNS_PER_POLL_LIMIT);
    }

    @Test
    void changesComeOutInTheOrderTheyWentIn() throws InterruptedException {
        ChangeEventQueue<Change> queue = queueOver(new PacedQueueProvider<>());
        queue.enqueue(new Change("a"));
        queue.enqueue(new Change("b"));
        queue.enqueue(new Change("c"));

        assertThat(queue.poll()).extracting(Change::id).containsExactly("a", "b", "c");
        assertThat(queue.remainingCapacity()).isEqualTo(64);
    }

    @Test
    void onlyThePollLoopIsPaused() throws InterruptedException {
        PacedQueueProvider<Change> provider = new PacedQueueProvider<>();
        ChangeEventQueue<Change> queue = queueOver(provider);

        // A metric, and a producer enqueueing into an empty queue, ask for the size outside the poll loop.
        assertThat(queue.remainingCapacity()).isEqualTo(64);
        queue.enqueue(new Change("a"));
        assertThat(provider.pauses()).isZero();

        queue.poll();
        assertThat(provider.pauses()).isPositive();
    }

    @Test
    void debeziumFindsItByTheNameTheRelayConfigures() {
        List<String> names = ServiceLoader.load(QueueProvider.class).stream()
                .map(provider -> provider.get().name())
                .toList();

        assertThat(names).contains(PacedQueueProvider.NAME, "memory").doesNotHaveDuplicates();
        assertThat(DebeziumSettings.of(new RelayProperties(true, "s", "p", "o", 1, (short) 1, WINDOW,
                Duration.ofSeconds(10), Duration.ofSeconds(5)), "jdbc:postgresql://h:5432/db", "u", "pw", "k:9092")
                .getProperty("queue.provider.type")).isEqualTo(PacedQueueProvider.NAME);
    }
}
