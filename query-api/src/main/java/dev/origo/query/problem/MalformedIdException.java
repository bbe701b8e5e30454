package dev.origo.query.problem;

/** A path id that is not a UUID. */
public class MalformedIdException extends RuntimeException {

    MalformedIdException(String id) {
        super("not a valid id: " + (id == null ? "" : id.length() > 64 ? id.substring(0, 64) + "…" : id));
    }
}
