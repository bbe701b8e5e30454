package dev.origo.command.relay;

import java.time.Duration;
import java.time.Instant;

import org.apache.kafka.connect.data.Struct;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Relay lag (outbox commit → Kafka acknowledged) and published event counts. */
@Component
class RelayMetrics {

    private final Timer lag;
    private final Counter published;

    RelayMetrics(MeterRegistry registry) {
        this.lag = Timer.builder("origo.relay.lag")
                .description("Time from the event's command to Kafka acknowledging it")
                .publishPercentileHistogram()
                .register(registry);
        this.published = Counter.builder("origo.relay.published")
                .description("Outbox events published to Kafka")
                .register(registry);
    }

    void published(Struct row) {
        published.increment();
        Object occurredAt = row.get("occurred_at");
        if (occurredAt instanceof String text) {
            lag.record(Duration.between(Instant.parse(text), Instant.now()));
        }
    }
}
