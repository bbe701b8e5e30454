package dev.origo.query.blob;

import java.net.URI;

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
 */
@ConfigurationProperties("origo.s3")
public record S3Properties(
        URI endpoint,
        @DefaultValue("origo") String bucket,
        @DefaultValue("us-east-1") String region,
        String accessKey,
        String secretKey) {
}
