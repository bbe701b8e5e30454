package dev.origo.query.freshness;

/** {@code X-Min-Sequence} is not a sequence: at most 18 ASCII digits. */
public class MalformedMinSequenceException extends RuntimeException {

    MalformedMinSequenceException() {
        super("X-Min-Sequence must be a non-negative integer (the sequence of a command's reply)");
    }
}
