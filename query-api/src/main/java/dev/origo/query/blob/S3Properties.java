package dev.origo.query.blob;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where blobs live.
 *
 * @param endpoint  the S3 endpoint; path-style addressing is used so any S3-compatible server works
 * @param bucket    the bucket holding {@code blobs/sha256/<hex>}
 * @param region    the signing region
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param timeouts  how long opening a blob may take before the download fails with 503
 */
@ConfigurationProperties("origo.s3")
public record S3Properties(
        URI endpoint,
        @DefaultValue("origo") String bucket,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey,
        @DefaultValue Timeouts timeouts) {

    /**
     * Bounds on opening a blob ({@code GetObject} up to its response headers), so a download never hangs on S3.
     * Reading the body afterwards is bounded by the socket timeout between packets.
     *
     * @param call    a whole call, all attempts
     * @param attempt one attempt
     */
    public record Timeouts(
            @DefaultValue("10s") Duration call,
            @DefaultValue("4s") Duration attempt) {
    }
}
