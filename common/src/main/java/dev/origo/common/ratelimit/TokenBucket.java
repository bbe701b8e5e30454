package dev.origo.common.ratelimit;

/** A token bucket refilled evenly at a {@link Rate}, holding at most its burst. Thread-safe. */
final class TokenBucket {

    private final int capacity;
    private final double nanosPerToken;
    private double tokens;
    private long refilledAt = Long.MIN_VALUE;

    TokenBucket(Rate rate) {
        this.capacity = rate.burst();
        this.nanosPerToken = rate.nanosPerPermit();
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
