package dev.origo.query.health;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.common.health.KafkaClusterHealth;
import dev.origo.common.health.S3BucketHealth;
import dev.origo.query.blob.S3Properties;
import software.amazon.awssdk.services.s3.S3Client;

/** The query-api is ready when PostgreSQL, Kafka (change notices keep the caches fresh) and S3 answer. */
@Configuration(proxyBeanMethods = false)
class ReadinessChecks {

    @Bean("kafka")
    KafkaClusterHealth kafkaHealth(KafkaProperties kafka) {
        return new KafkaClusterHealth(kafka.getBootstrapServers());
    }

    @Bean("s3")
    S3BucketHealth s3Health(S3Client s3, S3Properties properties) {
        return new S3BucketHealth(s3, properties.bucket());
    }
}
