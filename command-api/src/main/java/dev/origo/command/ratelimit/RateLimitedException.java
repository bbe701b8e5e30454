package dev.origo.command.ratelimit;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** A client spent its budget of one kind of request: 429 {@code rate-limited}, with {@code Retry-After}. */
public class RateLimitedException extends ProblemException {

    private final long retryAfterSeconds;

    RateLimitedException(String kind, long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "Too many " + kind + "s from this client; retry in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Whole seconds until the client's next request of this kind is admitted (at least 1). */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
