package dev.origo.bench.load;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;

/**
 * One thread of the generator: a selector, its connections and its share of the schedule. Each wake-up sends every
 * request that has become due, oldest first, on a free connection; requests due while every connection is busy wait
 * their turn in order (the queue is the schedule itself: the next request to send is simply the oldest one not yet
 * sent), and that wait is part of their latency. Between wake-ups the thread sleeps in {@link Selector#select(long)}
 * until a response arrives or the next request is due, to the millisecond (rounded up: a request sent on a timed
 * wake-up may leave up to about a millisecond late, and that counts in its latency, as in wrk2).
 *
 * <p>Once the schedule is over nothing new becomes due; requests already due are still sent and outstanding ones
 * awaited, for at most {@code drainNanos}. Whatever is unanswered then counts as an error rather than silently
 * disappearing.
 */
final class LoadLoop implements Callable<LoadResult> {

    private final Target target;
    private final Schedule schedule;
    private final int connectionCount;
    private final int expect;
    private final long drainNanos;

    private final ArrayDeque<Connection> free = new ArrayDeque<>();
    private final Consumer<SelectionKey> onReady = this::ready;     // one instance: nothing allocated per wake-up
    private final Histogram latency = LoadResult.histogram();
    private final Histogram service = LoadResult.histogram();
    private long next;
    private int busy;
    private long unexpected;
    private long errors;

    LoadLoop(Target target, Schedule schedule, int connections, int expect, long drainNanos) {
        this.target = target;
        this.schedule = schedule;
        this.connectionCount = connections;
        this.expect = expect;
        this.drainNanos = drainNanos;
    }

    @Override
    public LoadResult call() throws IOException {
        try (Selector selector = Selector.open()) {
            List<Connection> connections = new ArrayList<>();
            for (int i = 0; i < connectionCount; i++) {
                connections.add(new Connection(target, selector));
            }
            free.addAll(connections);
            try {
                run(selector);
            } finally {
                connections.forEach(Connection::close);
            }
        }
        return new LoadResult(latency, service, unexpected, errors);
    }

    private void run(Selector selector) throws IOException {
        long deadline = schedule.end() + drainNanos;
        while (true) {
            long now = System.nanoTime();
            sendDue(now);
            if (!schedule.has(next) && busy == 0) {
                return;
            }
            if (now - deadline >= 0) {
                errors += busy + unsent();
                return;
            }
            long wake = !free.isEmpty() && schedule.has(next) ? Math.min(schedule.due(next), deadline) : deadline;
            selector.select(onReady, Math.max(1, (wake - now + 999_999) / 1_000_000));
        }
    }

    private void sendDue(long now) {
        while (!free.isEmpty() && schedule.has(next) && schedule.due(next) - now <= 0) {
            Connection connection = free.pollFirst();
            if (connection.send(schedule.due(next))) {
                busy++;
            } else {
                errors++;
                free.addLast(connection);
            }
            next++;
        }
    }

    private void ready(SelectionKey key) {
        Connection connection = (Connection) key.attachment();
        switch (connection.ready(key)) {
            case NOTHING_YET -> {
                // more bytes to come, or an idle connection closed
            }
            case RESPONSE -> {
                record(connection);
                release(connection);
            }
            case FAILURE -> {
                errors++;
                release(connection);
            }
        }
    }

    private void record(Connection connection) {
        if (expect != 0 && connection.status() != expect) {
            unexpected++;
        }
        if (schedule.recorded(connection.due())) {
            latency.recordValue(capped(connection.completed() - connection.due()));
            service.recordValue(capped(connection.completed() - connection.sent()));
        }
    }

    private long capped(long nanos) {
        return Math.min(nanos, latency.getHighestTrackableValue());
    }

    private void release(Connection connection) {
        busy--;
        free.addLast(connection);
    }

    private long unsent() {
        long count = 0;
        for (long k = next; schedule.has(k); k++) {
            count++;
        }
        return count;
    }
}
