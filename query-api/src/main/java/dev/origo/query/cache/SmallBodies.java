package dev.origo.query.cache;

import java.util.function.Function;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Bytes of small blobs, weighed by size and keyed by SHA-256: a key names exactly one content, so an
 * entry can never be stale and is never evicted by a change.
 */
@Component
public class SmallBodies {

    private final Cache<String, byte[]> bodies;
    private final long threshold;

    SmallBodies(CacheProperties properties, MeterRegistry registry) {
        this.threshold = properties.smallBodyThreshold().toBytes();
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(properties.smallBodyCapacity().toBytes())
                .weigher((String sha256, byte[] bytes) -> bytes.length)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, bodies, "small_bodies");
    }

    /** Whether a blob of this size is kept in memory. */
    public boolean holds(long size) {
        return size <= threshold;
    }

    public boolean contains(String sha256) {
        return bodies.asMap().containsKey(sha256);  // not counted as a cache hit or miss
    }

    public byte[] get(String sha256, Function<String, byte[]> loader) {
        return bodies.get(sha256, loader);
    }
}
