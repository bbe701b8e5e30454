package dev.origo.common.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Readiness: the blob bucket answers (HeadBucket, bounded by the client's call timeouts). */
public class S3BucketHealth implements HealthIndicator {

    private final S3Client s3;
    private final String bucket;

    public S3BucketHealth(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Health health() {
        try {
            s3.headBucket(head -> head.bucket(bucket));
            return Health.up().withDetail("bucket", bucket).build();
        } catch (SdkException e) {
            return Health.down().withDetail("bucket", bucket).withDetail("error", e.getMessage()).build();
        }
    }
}
