package dev.origo.query.problem;

/** {@code If-Match} or {@code If-Unmodified-Since} did not hold (RFC 9110 §13.2.2 steps 1–2). */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException() {
        super("a precondition of the request did not hold");
    }
}
