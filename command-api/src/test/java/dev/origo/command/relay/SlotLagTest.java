package dev.origo.command.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SlotLagTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger queries = new AtomicInteger();

    private Gauge gauge(SlotLag.Reading reading) {
        new SlotLag(() -> {
            queries.incrementAndGet();
            return reading.bytes();
        }, now::get, registry);
        return registry.get("origo.relay.slot.lag").gauge();
    }

    @Test
    void reportsTheSlotsRetainedWalInBytes() {
        Gauge gauge = gauge(() -> 4096);

        assertThat(gauge.value()).isEqualTo(4096.0);
        assertThat(gauge.getId().getBaseUnit()).isEqualTo("bytes");
    }

    @Test
    void reusesOneReadingUntilItIsOlderThanTheCacheTime() {
        AtomicLong lag = new AtomicLong(100);
        Gauge gauge = gauge(lag::get);

        assertThat(gauge.value()).isEqualTo(100.0);
        lag.set(200);
        now.addAndGet(SlotLag.CACHE_FOR.toNanos() - 1);
        assertThat(gauge.value()).isEqualTo(100.0);
        assertThat(queries).hasValue(1);

        now.addAndGet(1);
        assertThat(gauge.value()).isEqualTo(200.0);
        assertThat(queries).hasValue(2);
    }

    @Test
    void isNaNWhenTheSlotDoesNotExist() {
        assertThat(gauge(() -> Double.NaN).value()).isNaN();
    }

    @Test
    void isNaNAndDoesNotThrowWhenPostgresCannotBeAsked() {
        Gauge gauge = gauge(() -> {
            throw new DataAccessResourceFailureException("connection refused");
        });

        assertThat(gauge.value()).isNaN();
        assertThat(gauge.value()).isNaN();
        assertThat(queries).as("a failure is cached too, so a down database is not asked on every scrape")
                .hasValue(1);
    }
}
