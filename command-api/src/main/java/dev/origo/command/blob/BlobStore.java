package dev.origo.command.blob;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed blobs in S3 under {@code blobs/sha256/<hex>}: identical bytes are stored once and
 * a blob is never overwritten.
 */
@Component
public class BlobStore {

    private final S3Client s3;
    private final String bucket;
    private final Duration uploadTimeout;
    private final Counter written;
    private final Counter deduplicated;

    BlobStore(S3Client s3, S3Properties properties, MeterRegistry registry) {
        this.s3 = s3;
        this.bucket = properties.bucket();
        this.uploadTimeout = properties.timeouts().upload();
        this.written = Counter.builder("origo.blobs.written").description("Blobs written to S3").register(registry);
        this.deduplicated = Counter.builder("origo.blobs.deduplicated")
                .description("Uploads whose bytes were already stored").register(registry);
    }

    public static String key(String sha256) {
        return "blobs/sha256/" + sha256;
    }

    /** Stores the file as the blob of {@code sha256} unless that blob exists already. */
    public void store(String sha256, Path file, long size, String contentType) {
        try {
            if (exists(sha256)) {
                deduplicated.increment();
                return;
            }
            // A large PutObject legitimately outlasts the client's call timeout for metadata calls.
            s3.putObject(put -> put.bucket(bucket).key(key(sha256)).contentLength(size).contentType(contentType)
                            .overrideConfiguration(o -> o.apiCallTimeout(uploadTimeout).apiCallAttemptTimeout(uploadTimeout)),
                    RequestBody.fromFile(file));
            written.increment();
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException(e);
        }
    }

    public boolean exists(String sha256) {
        try {
            s3.headObject(head -> head.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
