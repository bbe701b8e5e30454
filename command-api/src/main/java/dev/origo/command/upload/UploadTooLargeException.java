package dev.origo.command.upload;

/** The file is larger than the configured limit; nothing was stored. */
public class UploadTooLargeException extends RuntimeException {

    private final long limit;

    UploadTooLargeException(long limit) {
        super("upload exceeds the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
