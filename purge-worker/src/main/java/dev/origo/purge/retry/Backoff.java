package dev.origo.purge.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import dev.origo.purge.PurgeProperties;

/**
 * Waits between attempts: {@code initial × multiplier^(n-1)}, capped, of which a {@code jitter}
 * fraction is random so that workers that failed together do not retry together; on a 429 the
 * CDN's {@code Retry-After} (capped) instead.
 */
public final class Backoff {

    private final PurgeProperties.Retry retry;
    private final DoubleSupplier random;

    public Backoff(PurgeProperties.Retry retry) {
        this(retry, () -> ThreadLocalRandom.current().nextDouble());
    }

    Backoff(PurgeProperties.Retry retry, DoubleSupplier random) {
        if (retry.jitter() < 0 || retry.jitter() > 1) {
            throw new IllegalArgumentException("origo.purge.retry.jitter must be within 0..1: " + retry.jitter());
        }
        this.retry = retry;
        this.random = random;
    }

    /** The wait after the {@code failedAttempt}-th attempt (1-based) failed with a 5xx or a network error. */
    public Duration afterFailure(int failedAttempt) {
        double exponential = retry.initialBackoff().toNanos() * Math.pow(retry.multiplier(), failedAttempt - 1);
        double capped = Math.min(exponential, retry.maxBackoff().toNanos());
        double jittered = capped * (1 - retry.jitter() * random.getAsDouble());
        return Duration.ofNanos((long) jittered);
    }

    /** The wait after a 429: what the CDN asked for, capped; the exponential backoff when it did not say. */
    public Duration afterRateLimit(int failedAttempt, Optional<Duration> retryAfter) {
        return retryAfter.map(asked -> asked.compareTo(retry.maxRetryAfter()) > 0 ? retry.maxRetryAfter() : asked)
                .orElseGet(() -> afterFailure(failedAttempt));
    }
}
