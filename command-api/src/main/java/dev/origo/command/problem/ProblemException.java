package dev.origo.command.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import dev.origo.common.problem.Problems;

/**
 * A typed failure that becomes one RFC 9457 response in {@link ProblemResponses}: its status, a stable
 * type slug and title, and a detail for the client. Features subclass it; the message never carries secrets.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;

    protected ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    protected ProblemException(HttpStatus status, String slug, String title, String detail, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    ProblemDetail toProblem() {
        return Problems.of(status, slug, title, getMessage());
    }
}
