package dev.origo.purge.health;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.common.health.KafkaClusterHealth;

/** Ready when PostgreSQL (Boot's own `db`) and Kafka answer: this service works between the two. */
@Configuration(proxyBeanMethods = false)
class ReadinessChecks {

    @Bean("kafka")
    KafkaClusterHealth kafkaHealth(KafkaProperties kafka) {
        return new KafkaClusterHealth(kafka.getBootstrapServers());
    }
}
