package dev.origo.query.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.springframework.stereotype.Component;

import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * Streams blob bytes from S3 to a client, passing ranges to S3 ({@code GetObject} with
 * {@code Range}) rather than reading and skipping. When the client goes away the S3 stream is
 * aborted, not drained. When S3 fails after the stream was opened, {@link BlobInterruptedException}.
 */
@Component
public class BlobReader {

    private static final int COPY_BUFFER = 64 * 1024;

    private final S3Client s3;
    private final String bucket;

    BlobReader(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
    }

    /** Opens bytes {@code first..last} (inclusive) of the blob, or the whole blob when {@code last < 0}. */
    public ResponseInputStream<GetObjectResponse> open(String sha256, long first, long last) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key("blobs/sha256/" + sha256);
        if (last >= 0) {
            request.range("bytes=" + first + "-" + last);
        }
        try {
            return s3.getObject(request.build());
        } catch (SdkException e) {
            throw new BlobUnavailableException(sha256, e);
        }
    }

    /** Reads a whole (small) blob into memory. */
    public byte[] readAll(String sha256) {
        try (ResponseInputStream<GetObjectResponse> in = open(sha256, 0, -1)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new BlobUnavailableException(sha256, e);
        }
    }

    /**
     * Reads bytes {@code first..last} (inclusive) of the blob into memory: exactly that many bytes, or
     * {@link BlobUnavailableException} (a short answer from S3 is a failure, never a short chunk).
     */
    public byte[] readRange(String sha256, long first, long last) {
        int length = Math.toIntExact(last - first + 1);
        try (ResponseInputStream<GetObjectResponse> in = open(sha256, first, last)) {
            byte[] bytes = in.readNBytes(length);
            if (bytes.length != length) {
                throw new IOException("S3 sent " + bytes.length + " of " + length + " bytes at " + first);
            }
            return bytes;
        } catch (IOException | SdkException e) {
            throw new BlobUnavailableException(sha256, e);
        }
    }

    /**
     * Copies bytes {@code first..last} of the blob to {@code out}; aborts the S3 stream if the client fails,
     * and throws {@link BlobInterruptedException} if S3 does.
     */
    public void copy(String sha256, long first, long last, OutputStream out) throws IOException {
        ResponseInputStream<GetObjectResponse> in = open(sha256, first, last);
        try {
            transfer(in, out);
        } catch (ClientGoneException e) {
            in.abort();
            throw e.getCause();
        } catch (IOException | SdkException e) {
            in.abort();
            throw new BlobInterruptedException(sha256, e);
        } finally {
            closeQuietly(in);
        }
    }

    private static void closeQuietly(ResponseInputStream<GetObjectResponse> in) {
        try {
            in.close();
        } catch (IOException | SdkException e) {
            // Already aborted or failed; the failure that matters has been thrown.
        }
    }

    private static void transfer(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            try {
                out.write(buffer, 0, n);
            } catch (IOException e) {
                throw new ClientGoneException(e);
            }
        }
    }

    /** Writing to the client failed: the connection is gone. */
    private static final class ClientGoneException extends IOException {
        ClientGoneException(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
