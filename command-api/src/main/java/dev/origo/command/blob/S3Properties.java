package dev.origo.command.blob;

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
 * @param timeouts  how long a call to S3 may take before the upload fails with 503
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
     * Bounds on S3 calls, retries included, so a request thread never waits on S3 for long.
     *
     * @param call    a whole metadata call ({@code HeadObject}), all attempts
     * @param attempt one attempt of a metadata call
     * @param upload  a whole {@code PutObject}, all attempts; stalls are caught sooner by the socket timeout
     */
    public record Timeouts(
            @DefaultValue("10s") Duration call,
            @DefaultValue("4s") Duration attempt,
            @DefaultValue("1h") Duration upload) {
    }
}
