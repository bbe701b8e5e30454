package dev.origo.command.problem;

import org.springframework.http.HttpStatus;

/** The request is well-formed HTTP but its content is not a valid command (a missing field, a value out of bounds). */
public class BadCommandException extends ProblemException {

    public BadCommandException(String detail) {
        super(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", detail);
    }
}
