package dev.origo.command.relay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Readiness of the relay: up while Debezium streams the outbox; down when it failed or waits to restart. */
@Component("relay")
class RelayHealth implements HealthIndicator {

    private final OutboxRelay relay;
    private final RelayProperties properties;

    RelayHealth(OutboxRelay relay, RelayProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public Health health() {
        if (!properties.enabled()) {
            return Health.up().withDetail("state", "disabled").build();
        }
        RelayState state = relay.state();
        Health.Builder health = state == RelayState.RUNNING ? Health.up() : Health.down();
        health.withDetail("state", state.name());
        if (relay.lastError() != null) {
            health.withDetail("error", relay.lastError());
        }
        return health.build();
    }
}
