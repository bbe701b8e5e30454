package dev.origo.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.HdrHistogram.Histogram;

/**
 * An open-model load generator: request i is due at {@code start + i / rate}, whatever happened to the ones before,
 * and its latency is measured from that intended time to the end of its response, not from when a connection was
 * free to send it. A stalled server therefore shows up as the queueing delay every scheduled request suffered (no
 * coordinated omission), as in wrk2 or Gil Tene's HdrHistogram examples. At most one request is outstanding per
 * keep-alive connection; a request due while all connections are busy waits its turn in the client, and that wait
 * counts in its latency. Latencies go into HdrHistogram (1 µs to 60 s, 3 significant digits), and so do service
 * times (written to response end); requests due in the warm-up are sent but not recorded.
 *
 * <p>Like wrk2, each of {@code --threads} threads (default 1) runs a non-blocking event loop ({@link LoadLoop}: a
 * selector, TCP_NODELAY channels, responses parsed in place by {@link ResponseParser}) over its share of the
 * connections and every {@code threads}-th request of the schedule, sleeping in the selector until the next request
 * is due; nothing is allocated per request, so no GC pause of the generator lands in the measurement. It replaced a
 * thread per connection with blocking sockets that read responses byte by byte: on a 2-core machine at 19,000 req/s
 * those 32 threads took a whole core, starved the server and fell seconds behind their own schedule, so the
 * generator, not the server, was what the p99 measured.
 *
 * <pre>
 * java dev.origo.bench.load.OpenLoad --url URL --rate N --duration S [--warmup S] [--connections N] [--threads N]
 *      [--header 'Name: value']... [--expect STATUS]
 * </pre>
 * Prints one line of {@code key=value} pairs (latencies in milliseconds) on stdout. When the duration ends it sends
 * nothing new and waits at most 5 s for the responses still due; the rest count as errors.
 */
public final class OpenLoad {

    private static final long HEAD_START_NANOS = 50_000_000;   // lets every thread open its selector before request 0
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final Target target;
    private final double rate;
    private final long warmupNanos;
    private final long durationNanos;
    private final int connections;
    private final int threads;
    private final int expect;
    private final Duration drain;

    private OpenLoad(Target target, double rate, long warmupNanos, long durationNanos, int connections, int threads,
                     int expect, Duration drain) {
        this.target = target;
        this.rate = rate;
        this.warmupNanos = warmupNanos;
        this.durationNanos = durationNanos;
        this.connections = connections;
        this.threads = threads;
        this.expect = expect;
        this.drain = drain;
    }

    public static void main(String[] args) throws InterruptedException {
        OpenLoad load = fromArgs(args);
        System.out.println(load.summary(load.run()));
    }

    static OpenLoad fromArgs(String... args) {
        String url = null;
        double rate = 1000;
        double duration = 10;
        double warmup = 2;
        int connections = 16;
        int threads = 1;
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
                case "--threads" -> threads = Integer.parseInt(value);
                case "--expect" -> expect = Integer.parseInt(value);
                case "--header" -> headers.put(value.substring(0, value.indexOf(':')).trim(),
                        value.substring(value.indexOf(':') + 1).trim());
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
            i++;
        }
        if (url == null || rate <= 0 || duration <= 0 || warmup < 0) {
            throw new IllegalArgumentException("--url, a positive --rate and --duration are required");
        }
        if (threads < 1 || connections < threads) {
            throw new IllegalArgumentException("--threads must be at least 1 and at most --connections");
        }
        return new OpenLoad(Target.of(URI.create(url), headers), rate, (long) (warmup * 1e9),
                (long) (duration * 1e9), connections, threads, expect, DRAIN);
    }

    /** The same run, waiting at most {@code drain} for outstanding responses once the duration is over. */
    OpenLoad drainingFor(Duration drain) {
        return new OpenLoad(target, rate, warmupNanos, durationNanos, connections, threads, expect, drain);
    }

    /** Runs the schedule on {@code threads} event loops and returns what they measured together. */
    LoadResult run() throws InterruptedException {
        long start = System.nanoTime() + HEAD_START_NANOS;
        long recordFrom = start + warmupNanos;
        long end = recordFrom + durationNanos;
        List<LoadLoop> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Schedule schedule = new Schedule(start, rate, recordFrom, end, t, threads);
            int share = connections / threads + (t < connections % threads ? 1 : 0);
            loops.add(new LoadLoop(target, schedule, share, expect, drain.toNanos()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, loop -> {
            Thread thread = new Thread(loop, "open-load");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<LoadResult> results = new ArrayList<>();
            for (Future<LoadResult> result : pool.invokeAll(loops)) {
                results.add(result.get());
            }
            return LoadResult.sum(results);
        } catch (ExecutionException e) {
            throw new IllegalStateException("an event loop failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The line {@code bench/run} parses: these keys in this order, latencies in milliseconds. */
    String summary(LoadResult result) {
        return summary(result, 1);
    }

    /** The same line for {@code runs} runs of this load whose results were {@linkplain LoadResult#sum summed}. */
    String summary(LoadResult result, int runs) {
        Histogram latency = result.latency();
        double seconds = runs * durationNanos / 1e9;
        return String.format(Locale.ROOT,
                "rate=%.0f connections=%d duration_s=%.1f recorded=%d achieved_rps=%.1f unexpected_status=%d "
                        + "errors=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f p999_ms=%.3f max_ms=%.3f mean_ms=%.3f "
                        + "service_p99_ms=%.3f threads=%d",
                rate, connections, seconds, result.recorded(), result.recorded() / seconds,
                result.unexpectedStatus(), result.errors(), ms(latency.getValueAtPercentile(50)),
                ms(latency.getValueAtPercentile(90)), ms(latency.getValueAtPercentile(99)),
                ms(latency.getValueAtPercentile(99.9)), ms(latency.getMaxValue()), latency.getMean() / 1e6,
                ms(result.service().getValueAtPercentile(99)), threads);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
