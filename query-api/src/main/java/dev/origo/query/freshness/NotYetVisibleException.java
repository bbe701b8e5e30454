package dev.origo.query.freshness;

/** The read model did not reach the requested sequence in time: 503 with {@code Retry-After: 1}. */
public class NotYetVisibleException extends RuntimeException {

    NotYetVisibleException(long minSequence) {
        super("the read model has not reached sequence " + minSequence + " yet; retry shortly");
    }
}
