package dev.origo.command.blob;

/** S3 could not be reached or refused the write; nothing was recorded. */
public class BlobStoreUnavailableException extends RuntimeException {

    public BlobStoreUnavailableException(Throwable cause) {
        super("blob store unavailable: " + cause.getMessage(), cause);
    }
}
