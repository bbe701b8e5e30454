package dev.origo.command.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.command.blob.S3Properties;
import dev.origo.common.health.S3BucketHealth;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The command-api is ready when PostgreSQL and S3 answer: every command needs the first, uploads the
 * second. Kafka is not part of it: commands commit to the outbox while the broker is down, and the
 * relay's own {@code relay} health reports the publishing side.
 */
@Configuration(proxyBeanMethods = false)
class ReadinessChecks {

    @Bean("s3")
    S3BucketHealth s3Health(S3Client s3, S3Properties properties) {
        return new S3BucketHealth(s3, properties.bucket());
    }
}
