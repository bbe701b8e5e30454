package dev.origo.projector.projection;

import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

import dev.origo.events.EventEnvelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Projection lag (event time → applied), applied events, duplicates and gaps. */
@Component
class ProjectionMetrics {

    private final Timer lag;
    private final MeterRegistry registry;
    private final Counter duplicates;
    private final Counter gaps;

    ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.lag = Timer.builder("origo.projection.lag")
                .description("Time from an event's command to the read model holding it")
                .publishPercentileHistogram()
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry);
        this.duplicates = Counter.builder("origo.projection.duplicates")
                .description("Events skipped because the read model already held them")
                .register(registry);
        this.gaps = Counter.builder("origo.projection.gaps")
                .description("Events refused because an earlier event of the asset was missing")
                .register(registry);
    }

    void applied(EventEnvelope event) {
        lag.record(Duration.between(event.occurredAt(), Instant.now()));
        registry.counter("origo.projection.applied", "type", event.type()).increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void gap() {
        gaps.increment();
    }
}
