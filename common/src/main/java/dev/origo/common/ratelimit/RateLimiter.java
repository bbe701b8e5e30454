package dev.origo.common.ratelimit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * One token bucket per client (a producer, an address) at one {@link Rate}. A bucket left alone until it has
 * refilled is forgotten: a full bucket and a new one behave alike, so memory follows the active clients only.
 * Thread-safe.
 */
public final class RateLimiter {

    /** Bounds memory under a flood of distinct clients; past it, the least recently seen are forgotten early. */
    private static final long MAX_CLIENTS = 1_000_000;

    private final Rate rate;
    private final LongSupplier nanoClock;
    private final Cache<String, TokenBucket> buckets;

    public RateLimiter(Rate rate) {
        this(rate, System::nanoTime);
    }

    /** With the clock it reads (nanoseconds, like {@link System#nanoTime()}): a test's own, so its waits are exact. */
    public RateLimiter(Rate rate, LongSupplier nanoClock) {
        this.rate = rate;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(rate.refillTime().toNanos(), TimeUnit.NANOSECONDS)
                .maximumSize(MAX_CLIENTS)
                .ticker(nanoClock::getAsLong)
                .build();
    }

    /** Takes a permit for {@code client}: {@link Duration#ZERO} when granted, else how long until the next one. */
    public Duration acquire(String client) {
        TokenBucket bucket = buckets.get(client, key -> new TokenBucket(rate));
        return Duration.ofNanos(bucket.tryTake(nanoClock.getAsLong()));
    }

    /** The {@code Retry-After} value for a wait: whole seconds, rounded up, at least 1 (RFC 9110 §10.2.3). */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
