package dev.origo.query.protection;

import java.time.Duration;

/** A token bucket refilled evenly: {@code capacity} tokens per {@code window}. Thread-safe. */
final class TokenBucket {

    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private long refilledAt = Long.MIN_VALUE;

    TokenBucket(int capacity, Duration window) {
        this.capacity = capacity;
        this.nanosPerToken = (double) window.toNanos() / capacity;
        this.tokens = capacity;
    }

    /** Takes a token at {@code now} (nanoTime) and returns 0, or returns how long until one is available. */
    synchronized long tryTake(long now) {
        if (refilledAt != Long.MIN_VALUE) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / nanosPerToken);
        }
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) * nanosPerToken);
    }
}
