package dev.origo.query.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * One Caffeine cache of read-model lookups, negative results included: a present view lives for the
 * safety-net TTL, an absent one only briefly. Loads and evictions of one key are serialized by
 * Caffeine, so an eviction that races a load removes what the load put.
 */
final class ViewCache<K, V> {

    private final Cache<K, Optional<V>> cache;

    ViewCache(String name, CacheProperties properties, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.maximumViews())
                .expireAfter(new PresentOrAbsent<K, V>(properties.viewTtl(), properties.negativeTtl()))
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, cache, name);
    }

    Optional<V> get(K key, Function<K, Optional<V>> loader) {
        return cache.get(key, loader);
    }

    void put(K key, Optional<V> value) {
        cache.put(key, value);
    }

    void evict(K key) {
        cache.invalidate(key);
    }

    private record PresentOrAbsent<K, V>(Duration present, Duration absent) implements Expiry<K, Optional<V>> {

        @Override
        public long expireAfterCreate(K key, Optional<V> value, long currentTime) {
            return (value.isPresent() ? present : absent).toNanos();
        }

        @Override
        public long expireAfterUpdate(K key, Optional<V> value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(K key, Optional<V> value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
