package dev.origo.common.health;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Readiness: the Kafka cluster answers, within a few seconds rather than Kafka's default minute. */
public class KafkaClusterHealth implements HealthIndicator, DisposableBean {

    private final Admin admin;

    public KafkaClusterHealth(List<String> bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers),
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
