package dev.origo.query.blob;

/** S3 did not deliver a blob the read model points at. */
public class BlobUnavailableException extends RuntimeException {

    public BlobUnavailableException(String sha256, Throwable cause) {
        super("blob " + sha256 + " unavailable: " + cause.getMessage(), cause);
    }
}
