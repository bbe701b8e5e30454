package dev.origo.command.idempotency;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** The {@code Idempotency-Key} header is empty, too long or has characters outside visible ASCII. */
public class MalformedIdempotencyKeyException extends ProblemException {

    MalformedIdempotencyKeyException() {
        super(HttpStatus.BAD_REQUEST, "malformed-idempotency-key", "Malformed idempotency key",
                "Idempotency-Key must be 1 to " + Idempotency.MAX_KEY_LENGTH + " visible ASCII characters.");
    }
}
