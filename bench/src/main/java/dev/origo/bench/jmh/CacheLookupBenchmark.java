package dev.origo.bench.jmh;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Caffeine lookups shaped like the query-api's caches ({@code cache.ViewCache}: UUID → Optional view,
 * variable expiry, stats recorded; {@code cache.SmallBodies}: SHA-256 hex → bytes, weighed). The real
 * classes are package-private Spring beans with a meter registry; these mirror their Caffeine settings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@Threads(2)
public class CacheLookupBenchmark {

    @Param({"1000", "100000"})
    public int entries;

    private Cache<UUID, Optional<String>> views;
    private Cache<String, byte[]> bodies;
    private UUID[] ids;
    private String[] shas;

    @Setup
    public void fill() {
        views = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfter(new PresentOrAbsent(Duration.ofMinutes(10), Duration.ofSeconds(2)))
                .recordStats()
                .build();
        bodies = Caffeine.newBuilder()
                .maximumWeight(64L << 20)
                .weigher((String key, byte[] value) -> value.length)
                .recordStats()
                .build();
        ids = new UUID[entries];
        shas = new String[Math.min(entries, 1000)];
        for (int i = 0; i < entries; i++) {
            ids[i] = UUID.randomUUID();
            views.put(ids[i], Optional.of("view-" + i));
        }
        for (int i = 0; i < shas.length; i++) {
            shas[i] = String.format("%064x", i);
            bodies.put(shas[i], new byte[1024]);
        }
    }

    @Benchmark
    public Optional<String> viewHit() {
        return views.get(ids[ThreadLocalRandom.current().nextInt(ids.length)], id -> Optional.empty());
    }

    /** One hot key, as under the hot-GET load. */
    @Benchmark
    public Optional<String> viewHitHotKey() {
        return views.get(ids[0], id -> Optional.empty());
    }

    @Benchmark
    public byte[] smallBodyHit() {
        return bodies.get(shas[ThreadLocalRandom.current().nextInt(shas.length)], sha -> new byte[0]);
    }

    private record PresentOrAbsent(Duration present, Duration absent) implements Expiry<UUID, Optional<String>> {

        @Override
        public long expireAfterCreate(UUID key, Optional<String> value, long currentTime) {
            return (value.isPresent() ? present : absent).toNanos();
        }

        @Override
        public long expireAfterUpdate(UUID key, Optional<String> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(UUID key, Optional<String> value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
