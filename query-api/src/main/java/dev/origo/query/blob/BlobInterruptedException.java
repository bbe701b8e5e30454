package dev.origo.query.blob;

import java.io.IOException;

/**
 * S3 failed while a blob was being streamed. An {@link IOException}, so that when the response is already
 * committed it can be handed to the servlet container, which aborts the connection: the client sees a
 * truncated body, never a wrong one.
 */
public class BlobInterruptedException extends IOException {

    public BlobInterruptedException(String sha256, Throwable cause) {
        super("blob " + sha256 + " interrupted: " + cause.getMessage(), cause);
    }

    /** A blob that could not be opened after the response was committed (a later part of a multipart range). */
    public BlobInterruptedException(BlobUnavailableException cause) {
        super(cause.getMessage(), cause);
    }
}
