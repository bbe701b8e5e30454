package dev.origo.command.upload;

/** The multipart request is not a valid upload (no {@code file} part, a bad form field, broken framing). */
public class BadUploadException extends RuntimeException {

    public BadUploadException(String message) {
        super(message);
    }

    public BadUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
