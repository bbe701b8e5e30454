package dev.origo.query.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import dev.origo.query.blob.S3Properties;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/** Readiness: the blob bucket answers. */
@Component("s3")
class S3Health implements HealthIndicator {

    private final S3Client s3;
    private final String bucket;

    S3Health(S3Client s3, S3Properties properties) {
        this.s3 = s3;
        this.bucket = properties.bucket();
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
