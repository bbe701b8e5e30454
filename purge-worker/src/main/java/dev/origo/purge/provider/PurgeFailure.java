package dev.origo.purge.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A purge the CDN did not confirm, classified so that the worker knows whether to retry: network
 * errors and 5xx are retriable, a 429 is retriable after its {@code Retry-After}, any other answer
 * (4xx, or a 2xx whose body does not say success) is rejected and not retried.
 */
public class PurgeFailure extends RuntimeException {

    /** How the worker treats the failure. */
    public enum Kind { RETRIABLE, RATE_LIMITED, REJECTED }

    private final Kind kind;
    private final String reason;
    private final transient Duration retryAfter;

    public PurgeFailure(Kind kind, String reason, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }

    public static PurgeFailure retriable(String reason, String message, Throwable cause) {
        return new PurgeFailure(Kind.RETRIABLE, reason, null, message, cause);
    }

    public static PurgeFailure rejected(String reason, String message) {
        return new PurgeFailure(Kind.REJECTED, reason, null, message, null);
    }

    public static PurgeFailure rateLimited(Duration retryAfter, String message) {
        return new PurgeFailure(Kind.RATE_LIMITED, "http_429", retryAfter, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** A short, low-cardinality reason for metrics and the dead-letter header: {@code http_503}, {@code network}, ... */
    public String reason() {
        return reason;
    }

    /** The wait the CDN asked for on a 429, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
