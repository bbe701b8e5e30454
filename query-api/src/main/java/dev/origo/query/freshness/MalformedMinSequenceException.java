package dev.origo.query.freshness;

/** {@code X-Min-Sequence} is not a positive integer. */
public class MalformedMinSequenceException extends RuntimeException {

    MalformedMinSequenceException() {
        super("X-Min-Sequence must be a positive integer");
    }
}
