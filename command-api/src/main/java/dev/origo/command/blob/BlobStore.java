package dev.origo.command.blob;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Content-addressed blobs in S3 under {@code blobs/sha256/<hex>}: identical bytes are stored once and
 * a blob is never overwritten.
 */
@Component
public class BlobStore {

    /** Set by the JDK's client itself (from the URI and the body), which refuses them as request headers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final HttpClient http;
    private final String bucket;
    private final Duration uploadTimeout;
    private final Counter written;
    private final Counter deduplicated;

    BlobStore(S3Client s3, S3Presigner presigner, S3Properties properties, MeterRegistry registry) {
        this.s3 = s3;
        this.presigner = presigner;
        // HTTP/1.1: S3 servers do not speak cleartext HTTP/2, and an upgrade attempt costs a round trip.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
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
            put(sha256, file, size, contentType);
            written.increment();
        } catch (SdkException e) {
            throw new BlobStoreUnavailableException(e);
        }
    }

    /**
     * A presigned {@code PutObject}, sent with the JDK's HTTP client. Over plain HTTP the SDK's own
     * {@code putObject} signs the payload in 128 KB aws-chunks: a second SHA-256 pass over the file here and a
     * third on the S3 server. A presigned request carries {@code UNSIGNED-PAYLOAD}, as the SDK's requests do over
     * HTTPS. The JDK client streams the file in 16 KB writes where the SDK's Apache client writes 4 KB at a
     * time. No {@code x-amz-checksum-sha256}: S3Proxy computes it, which cost a fifth of the upload's time
     * (issue 6, decision 0019).
     */
    private void put(String sha256, Path file, long size, String contentType) {
        PresignedPutObjectRequest presigned = presigner.presignPutObject(presign -> presign
                .signatureDuration(uploadTimeout)
                .putObjectRequest(put -> put.bucket(bucket).key(key(sha256)).contentType(contentType)
                        .contentLength(size)));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(presigned.url().toURI())
                    .timeout(uploadTimeout)
                    .PUT(HttpRequest.BodyPublishers.ofFile(file));
            presigned.signedHeaders().forEach((name, values) -> {
                if (!RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new BlobStoreUnavailableException(new IOException("PutObject of " + key(sha256) + " answered "
                        + response.statusCode() + ": " + abbreviate(response.body())));
            }
        } catch (IOException | URISyntaxException e) {
            throw new BlobStoreUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BlobStoreUnavailableException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 512 ? body : body.substring(0, 512) + "…";
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
