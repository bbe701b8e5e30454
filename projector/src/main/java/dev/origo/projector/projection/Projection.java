package dev.origo.projector.projection;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.events.EventEnvelope;
import dev.origo.events.ReadModelChange;

/**
 * Applies events to the read model, idempotent by {@code (asset_id, sequence)}: the asset row's
 * sequence is the idempotency record, checked and advanced in the same transaction as the change.
 * A duplicate is skipped; a gap is refused with {@link SequenceGapException} and retried by the caller.
 */
@Service
public class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionMetrics metrics;
    private final Clock clock;

    Projection(JdbcClient jdbc, TransactionTemplate transaction, ProjectionMetrics metrics, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A projection writing through {@code tables} (whose connections name the target schema), with its own metrics. */
    public static Projection over(javax.sql.DataSource tables, Clock clock) {
        return new Projection(JdbcClient.create(tables),
                new TransactionTemplate(new org.springframework.jdbc.support.JdbcTransactionManager(tables)),
                new ProjectionMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), clock);
    }

    /** Applies the event (or skips it as a duplicate) and describes the read model's state after it. */
    public ReadModelChange apply(EventEnvelope event) {
        List<String> tokens = transaction.execute(status -> applyInTransaction(event));
        if (tokens == null) {
            metrics.duplicate();
            log.debug("Skipped duplicate event {} (asset {}, sequence {})", event.eventId(), event.assetId(),
                    event.sequence());
        } else {
            metrics.applied(event);
        }
        return new ReadModelChange(event.assetId(), event.sequence(), event.eventId(), event.type(),
                event.occurredAt(), clock.instant(), versionIds(event.assetId()), tokens == null ? List.of() : tokens);
    }

    /** Returns the changed token hashes, or null when the event was a duplicate. */
    private List<String> applyInTransaction(EventEnvelope event) {
        long applied = appliedSequence(event.assetId());
        if (event.sequence() <= applied) {
            return null;
        }
        if (event.sequence() > applied + 1) {
            metrics.gap();
            log.warn("Sequence gap for asset {}: read model at {}, received {} (event {}); not applied, will retry",
                    event.assetId(), applied, event.sequence(), event.eventId());
            throw new SequenceGapException(event.assetId(), applied, event.sequence());
        }
        return event.payload().accept(new ReadModelWriter(jdbc, event));
    }

    private long appliedSequence(UUID assetId) {
        return jdbc.sql("SELECT sequence FROM asset_view WHERE asset_id = ? FOR UPDATE")
                .param(assetId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    private List<UUID> versionIds(UUID assetId) {
        return jdbc.sql("SELECT version_id FROM version_view WHERE asset_id = ? ORDER BY number")
                .param(assetId)
                .query(UUID.class)
                .list();
    }
}
