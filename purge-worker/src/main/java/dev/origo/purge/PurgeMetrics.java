package dev.origo.purge;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.origo.purge.provider.PurgeFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The purge worker's metrics: {@code origo.purge.latency} (published → purged, from the event's
 * {@code occurred_at}), {@code origo.purge.failures} (every failed attempt, by provider and reason),
 * {@code origo.purge.dead.lettered} and {@code origo.purge.repurges}.
 */
@Component
public class PurgeMetrics {

    private final MeterRegistry registry;

    public PurgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void purged(String provider, Instant occurredAt, Instant purgedAt) {
        if (occurredAt == null) {
            return;
        }
        Duration latency = Duration.between(occurredAt, purgedAt);
        Timer.builder("origo.purge.latency")
                .description("From the event's occurred_at to the CDN confirming its purge")
                .tag("provider", provider)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    public void failedAttempt(String provider, PurgeFailure failure) {
        Counter.builder("origo.purge.failures")
                .description("Purge requests the CDN did not confirm, per attempt")
                .tag("provider", provider)
                .tag("reason", failure.reason())
                .register(registry)
                .increment();
    }

    public void deadLettered(String provider, String reason) {
        Counter.builder("origo.purge.dead.lettered")
                .description("Change notices sent to the purge dead-letter topic")
                .tag("provider", provider)
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public void repurge(String provider, boolean purged, int events) {
        Counter.builder("origo.purge.repurges")
                .description("Second, delayed purges by outcome (counted per event)")
                .tag("provider", provider)
                .tag("outcome", purged ? "purged" : "failed")
                .register(registry)
                .increment(events);
    }
}
