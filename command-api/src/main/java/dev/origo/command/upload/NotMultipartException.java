package dev.origo.command.upload;

/** An upload must be {@code multipart/form-data}. */
public class NotMultipartException extends RuntimeException {

    public NotMultipartException(String contentType) {
        super("expected multipart/form-data, got " + (contentType == null ? "no Content-Type" : contentType));
    }
}
