package dev.origo.query.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/** Readiness: the Kafka cluster answers (change notices keep the caches fresh). */
@Component("kafka")
class KafkaHealth implements HealthIndicator, DisposableBean {

    private final Admin admin;

    KafkaHealth(KafkaProperties kafka) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                // A health check must answer quickly, not wait for Kafka's default minute.
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000));
    }

    @Override
    public Health health() {
        try {
            String cluster = admin.describeCluster().clusterId().get(3, TimeUnit.SECONDS);
            return Health.up().withDetail("cluster", cluster).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
