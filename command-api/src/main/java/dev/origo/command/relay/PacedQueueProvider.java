package dev.origo.command.relay;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.locks.LockSupport;

import io.debezium.config.CommonConnectorConfig;
import io.debezium.config.Configuration;
import io.debezium.connector.base.ChangeEventQueue;
import io.debezium.connector.base.QueueProvider;

/**
 * Debezium's in-memory change queue ({@code queue.provider.type=memory}, an {@link ArrayDeque} bounded by
 * {@code max.queue.size}), except that the relay's poll loop pauses briefly when it finds the queue empty instead of
 * spinning.
 *
 * <p>Why this exists (decision 0028): Debezium 3.6's {@link ChangeEventQueue#poll()} waits for changes in windows of
 * {@code poll.interval.ms}, but it sleeps for the window's remainder in whole milliseconds and stops only once the
 * window is strictly over, so during the last millisecond of every window it loops without sleeping. At the relay's
 * 5 ms interval that kept about a sixth of a core busy on an idle command-api, CPU that the query-api on the same
 * machine is short of. Every turn of that loop asks the queue for its {@link #size()}: this provider answers an empty
 * queue to that loop only after a {@link #EMPTY_QUEUE_PAUSE}, which turns a millisecond of spinning into a few
 * pauses. The loop holds the queue's lock meanwhile, so a change enqueued then waits at most one pause; nothing else
 * (producers, the queue's metrics) is ever paused. Debezium's own SPI plugs it in ({@code queue.provider.type}); remove
 * it when Debezium's poll sleeps in finer steps (a {@code poll.dispatch.interval.ms} was merged upstream after 3.6).
 */
public final class PacedQueueProvider<T> implements QueueProvider<T> {

    /** The {@code queue.provider.type} that selects this provider. */
    public static final String NAME = "origo-paced";

    /** A tenth of the relay's 5 ms window: short beside the window, long beside one turn of the loop. */
    static final Duration EMPTY_QUEUE_PAUSE = Duration.ofNanos(250_000);

    private static final StackWalker STACK = StackWalker.getInstance();
    private static final String POLL_LOOP_CLASS = ChangeEventQueue.class.getName();
    private static final String POLL_LOOP_METHOD = "drainRecords";

    private Queue<T> queue = new ArrayDeque<>();
    /** Pauses taken so far; like the queue, only touched under the {@link ChangeEventQueue}'s lock. */
    private long pauses;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void configure(Map<String, ?> properties) {
        queue = new ArrayDeque<>(Configuration.from(properties).getInteger(CommonConnectorConfig.MAX_QUEUE_SIZE));
    }

    @Override
    public void enqueue(T event) {
        queue.add(event);
    }

    @Override
    public T poll() {
        return queue.poll();
    }

    @Override
    public int size() {
        if (queue.isEmpty() && calledByThePollLoop()) {
            pauses++;
            LockSupport.parkNanos(EMPTY_QUEUE_PAUSE.toNanos());
        }
        return queue.size();
    }

    long pauses() {
        return pauses;
    }

    /** Whether the caller is the loop inside {@link ChangeEventQueue#poll()}, rather than a producer or a metric. */
    private static boolean calledByThePollLoop() {
        return STACK.walk(frames -> frames.limit(4).anyMatch(
                frame -> frame.getMethodName().equals(POLL_LOOP_METHOD) && frame.getClassName().equals(POLL_LOOP_CLASS)));
    }
}
