package dev.origo.purge.retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;

import dev.origo.purge.provider.PurgeFailure;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeRequest;

/**
 * Sends one request until the CDN confirms it, it is rejected (4xx other than 429, or a body that
 * does not say success), or {@code maxAttempts} attempts failed. A 429 counts as an attempt, so a
 * CDN that keeps limiting us cannot stall a partition forever.
 */
public final class RetryingSender {

    /** Thrown when the worker stops while waiting to retry: the batch is left uncommitted and redone later. */
    public static final class Stopping extends RuntimeException {
        Stopping() {
            super("purge worker stopping while a purge waits to be retried; its notices will be redelivered");
        }
    }

    private final Backoff backoff;
    private final int maxAttempts;
    private final Pause pause;
    private final BiConsumer<String, PurgeFailure> onFailedAttempt;

    /**
     * @param onFailedAttempt called with the provider name for every failed attempt (metrics)
     */
    public RetryingSender(Backoff backoff, int maxAttempts, Pause pause, BiConsumer<String, PurgeFailure> onFailedAttempt) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("origo.purge.retry.max-attempts must be at least 1: " + maxAttempts);
        }
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.pause = pause;
        this.onFailedAttempt = onFailedAttempt;
    }

    public SendResult send(PurgeProvider provider, PurgeRequest request) {
        for (int attempt = 1; ; attempt++) {
            PurgeFailure failure;
            try {
                Optional<String> id = provider.send(request);
                return new SendResult(request, attempt, id, Optional.empty());
            } catch (PurgeFailure e) {
                failure = e;
            }
            onFailedAttempt.accept(provider.name(), failure);
            if (failure.kind() == PurgeFailure.Kind.REJECTED || attempt >= maxAttempts) {
                return new SendResult(request, attempt, Optional.empty(), Optional.of(failure));
            }
            Duration wait = failure.kind() == PurgeFailure.Kind.RATE_LIMITED
                    ? backoff.afterRateLimit(attempt, failure.retryAfter())
                    : backoff.afterFailure(attempt);
            if (!pause.sleep(wait)) {
                throw new Stopping();
            }
        }
    }
}
