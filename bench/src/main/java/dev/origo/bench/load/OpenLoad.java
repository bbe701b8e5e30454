package dev.origo.bench.load;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: request i is due at {@code start + i / rate}, whatever happened to
 * the ones before, and its latency is measured from that intended time, not from when a connection
 * was free to send it. A stalled server therefore shows up as the queueing delay every scheduled
 * request suffered (no coordinated omission), as in wrk2 or Gil Tene's HdrHistogram examples.
 *
 * <p>Each of {@code connections} threads owns one keep-alive connection and takes the next due
 * request from a shared counter. Latencies go into HdrHistogram (1 µs to 60 s, 3 significant
 * digits); requests due in the warm-up are sent but not recorded.
 *
 * <pre>
 * java dev.origo.bench.load.OpenLoad --url URL --rate N --duration S [--warmup S] [--connections N]
 *      [--header 'Name: value']... [--expect STATUS]
 * </pre>
 * Prints one line of {@code key=value} pairs (latencies in milliseconds) on stdout.
 */
public final class OpenLoad {

    private final URI uri;
    private final double rate;
    private final long warmupNanos;
    private final long durationNanos;
    private final int connections;
    private final Map<String, String> headers;
    private final int expect;

    private final AtomicLong next = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();

    private OpenLoad(URI uri, double rate, long warmupNanos, long durationNanos, int connections,
                     Map<String, String> headers, int expect) {
        this.uri = uri;
        this.rate = rate;
        this.warmupNanos = warmupNanos;
        this.durationNanos = durationNanos;
        this.connections = connections;
        this.headers = headers;
        this.expect = expect;
    }

    public static void main(String[] args) throws InterruptedException {
        String url = null;
        double rate = 1000;
        double duration = 10;
        double warmup = 2;
        int connections = 16;
        int expect = 0;
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--url" -> url = value;
                case "--rate" -> rate = Double.parseDouble(value);
                case "--duration" -> duration = Double.parseDouble(value);
                case "--warmup" -> warmup = Double.parseDouble(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--expect" -> expect = Integer.parseInt(value);
                case "--header" -> headers.put(value.substring(0, value.indexOf(':')).trim(),
                        value.substring(value.indexOf(':') + 1).trim());
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
            i++;
        }
        if (url == null || rate <= 0 || duration <= 0) {
            throw new IllegalArgumentException("--url, a positive --rate and --duration are required");
        }
        OpenLoad load = new OpenLoad(URI.create(url), rate, (long) (warmup * 1e9), (long) (duration * 1e9),
                connections, headers, expect);
        System.out.println(load.run());
    }

    private String run() throws InterruptedException {
        long intervalNanos = Math.max(1, (long) (1e9 / rate));
        long start = System.nanoTime() + 50_000_000;            // let every thread reach its first park
        long recordFrom = start + warmupNanos;
        long end = recordFrom + durationNanos;
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Worker worker = new Worker(start, intervalNanos, recordFrom, end);
            workers.add(worker);
            worker.start();
        }
        Histogram total = newHistogram();
        Histogram service = newHistogram();
        for (Worker worker : workers) {
            worker.join();
            total.add(worker.latency);
            service.add(worker.service);
        }
        double seconds = durationNanos / 1e9;
        return String.format(Locale.ROOT,
                "rate=%.0f connections=%d duration_s=%.1f recorded=%d achieved_rps=%.1f unexpected_status=%d "
                        + "errors=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f mean_ms=%.3f "
                        + "service_p99_ms=%.3f",
                rate, connections, seconds, total.getTotalCount(), total.getTotalCount() / seconds,
                unexpected.get(), errors.get(), ms(total.getValueAtPercentile(50)),
                ms(total.getValueAtPercentile(90)), ms(total.getValueAtPercentile(99)),
                ms(total.getValueAtPercentile(99.9)), ms(total.getMaxValue()), total.getMean() / 1e6,
                ms(service.getValueAtPercentile(99)));
    }

    private static Histogram newHistogram() {
        return new Histogram(1_000L, 60_000_000_000L, 3);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private final class Worker extends Thread {

        private final long start;
        private final long intervalNanos;
        private final long recordFrom;
        private final long end;
        private final Histogram latency = newHistogram();
        private final Histogram service = newHistogram();

        Worker(long start, long intervalNanos, long recordFrom, long end) {
            super("open-load");
            setDaemon(true);
            this.start = start;
            this.intervalNanos = intervalNanos;
            this.recordFrom = recordFrom;
            this.end = end;
        }

        @Override
        public void run() {
            try (HttpConnection connection = new HttpConnection(uri, headers)) {
                while (true) {
                    long intended = start + next.getAndIncrement() * intervalNanos;
                    if (intended >= end) {
                        return;
                    }
                    for (long wait = intended - System.nanoTime(); wait > 0; wait = intended - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    long sent = System.nanoTime();
                    try {
                        int status = connection.exchange();
                        if (expect != 0 && status != expect) {
                            unexpected.incrementAndGet();
                        }
                    } catch (IOException | RuntimeException e) {
                        errors.incrementAndGet();
                        connection.close();
                    }
                    long done = System.nanoTime();
                    if (intended >= recordFrom) {
                        latency.recordValue(Math.min(done - intended, latency.getHighestTrackableValue()));
                        service.recordValue(Math.min(done - sent, service.getHighestTrackableValue()));
                    }
                }
            }
        }
    }
}
