package dev.origo.events;

/** The bytes are not an event this code can read: not JSON, a missing field, an unknown type or version. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
