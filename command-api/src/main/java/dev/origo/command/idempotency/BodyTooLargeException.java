package dev.origo.command.idempotency;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** A JSON command body past {@code origo.idempotency.max-body-size}. */
public class BodyTooLargeException extends ProblemException {

    BodyTooLargeException(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Body too large",
                "A command body may have at most " + limit + " bytes.");
    }
}
