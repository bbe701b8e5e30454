package dev.origo.common.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details with stable type URIs: {@code https://origo.dev/problems/<slug>}. */
public final class Problems {

    public static final String TYPE_BASE = "https://origo.dev/problems/";
    /**
     * Retry-After of a 503 while PostgreSQL is down or restarting: it is back within seconds after a
     * crash (ChaosIT measured 5 s from SIGKILL to accepting connections).
     */
    public static final String DATABASE_RETRY_AFTER_SECONDS = "2";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        return problem;
    }

    /**
     * PostgreSQL did not answer (down, restarting, a connection lost mid-transaction): 503, never 500.
     * Whether a command whose commit was cut off took effect cannot be known here, so the detail says
     * to retry with the same Idempotency-Key, which makes the retry safe either way.
     */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "The database did not answer. Retry later; a command retried with the same Idempotency-Key"
                        + " takes effect at most once.");
    }
}
