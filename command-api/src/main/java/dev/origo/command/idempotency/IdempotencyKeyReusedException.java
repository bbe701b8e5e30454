package dev.origo.command.idempotency;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** The key was already used for a different request (method, path or body differ). */
public class IdempotencyKeyReusedException extends ProblemException {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "This Idempotency-Key was already used for a different request; use a new key.");
    }
}
