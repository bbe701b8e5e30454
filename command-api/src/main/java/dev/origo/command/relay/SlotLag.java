package dev.origo.command.relay;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;

/**
 * The WAL the relay's replication slot retains, in bytes ({@code origo.relay.slot.lag}): current
 * WAL position minus the slot's {@code confirmed_flush_lsn}. Read at scrape time, at most once per
 * {@link #CACHE_FOR}; NaN when the slot does not exist or PostgreSQL cannot be asked.
 */
@Component
class SlotLag {

    /** How long one reading is reused, so scrapes (and several scrapers) do not hammer PostgreSQL. */
    static final Duration CACHE_FOR = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SlotLag.class);

    /** Reads the slot's retained WAL in bytes; NaN when there is no such slot. */
    @FunctionalInterface
    interface Reading {
        double bytes();
    }

    private final Reading reading;
    private final LongSupplier nanoTime;
    private double cached = Double.NaN;
    private long readAt;
    private boolean read;

    @Autowired
    SlotLag(JdbcClient jdbc, RelayProperties properties, MeterRegistry registry) {
        this(() -> query(jdbc, properties.slotName()), System::nanoTime, registry);
    }

    SlotLag(Reading reading, LongSupplier nanoTime, MeterRegistry registry) {
        this.reading = reading;
        this.nanoTime = nanoTime;
        Gauge.builder("origo.relay.slot.lag", this, SlotLag::bytes)
                .description("WAL retained by the relay's replication slot (current LSN - confirmed_flush_lsn)")
                .baseUnit(BaseUnits.BYTES)
                .register(registry);
    }

    /** The cached reading, refreshed when older than {@link #CACHE_FOR}; never throws into a scrape. */
    synchronized double bytes() {
        long now = nanoTime.getAsLong();
        if (read && now - readAt < CACHE_FOR.toNanos()) {
            return cached;
        }
        try {
            cached = reading.bytes();
        } catch (RuntimeException e) {
            log.warn("Could not read the replication slot's lag", e);
            cached = Double.NaN;
        }
        read = true;
        readAt = now;
        return cached;
    }

    private static double query(JdbcClient jdbc, String slotName) {
        List<Double> rows = jdbc.sql("""
                SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)::float8
                FROM pg_replication_slots WHERE slot_name = ?
                """)
                .param(slotName)
                .query((rs, n) -> {
                    double bytes = rs.getDouble(1);
                    return rs.wasNull() ? Double.NaN : bytes;
                })
                .list();
        return rows.isEmpty() ? Double.NaN : rows.get(0);
    }
}
