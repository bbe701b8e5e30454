package dev.origo.projector.projection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;
import dev.origo.events.ReadModelChange;

/**
 * Applies events to the read model, idempotent by {@code (asset_id, sequence)}: the asset row's
 * sequence is the idempotency record, checked and advanced in the same transaction as the change.
 * A duplicate is skipped; an event after a gap is parked and applied once its predecessor is, so a
 * missing event holds back only its own asset, never the partition.
 */
@Service
public class Projection {

    private static final Logger log = LoggerFactory.getLogger(Projection.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ProjectionMetrics metrics;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

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

    /**
     * Applies the event, or skips it as a duplicate, or parks it when an earlier event of its asset
     * is missing (a gap: counted, logged, and applied as soon as the predecessor is). Returns one
     * change notice per event applied (a parked successor included) or skipped; none when parked.
     */
    public List<ReadModelChange> apply(EventEnvelope event) {
        List<Applied> applied = transaction.execute(status -> applyInTransaction(event));
        if (applied == null) {
            metrics.duplicate();
            log.debug("Skipped duplicate event {} (asset {}, sequence {})", event.eventId(), event.assetId(),
                    event.sequence());
            return List.of(change(event, List.of(), versionIds(event.assetId())));
        }
        if (applied.isEmpty()) {
            return List.of();
        }
        List<UUID> versions = versionIds(event.assetId());
        return applied.stream().map(done -> {
            metrics.applied(done.event());
            return change(done.event(), done.tokens(), versions);
        }).toList();
    }

    private ReadModelChange change(EventEnvelope event, List<String> tokens, List<UUID> versions) {
        return new ReadModelChange(event.assetId(), event.sequence(), event.eventId(), event.type(),
                event.occurredAt(), clock.instant(), versions, tokens);
    }

    /** An applied event and the token hashes whose views it changed. */
    private record Applied(EventEnvelope event, List<String> tokens) {
    }

    /** The applied events in order; empty when parked; null when a duplicate. */
    private List<Applied> applyInTransaction(EventEnvelope event) {
        long applied = appliedSequence(event.assetId());
        if (event.sequence() <= applied) {
            return null;
        }
        if (event.sequence() > applied + 1) {
            park(event, applied);
            return List.of();
        }
        List<Applied> done = new ArrayList<>();
        done.add(new Applied(event, event.payload().accept(new ReadModelWriter(jdbc, event))));
        for (EventEnvelope next = unpark(event.assetId(), event.sequence() + 1); next != null;
             next = unpark(event.assetId(), next.sequence() + 1)) {
            done.add(new Applied(next, next.payload().accept(new ReadModelWriter(jdbc, next))));
        }
        return done;
    }

    private void park(EventEnvelope event, long applied) {
        metrics.gap();
        log.warn("Sequence gap for asset {}: read model at {}, received {} (event {}); parked until {} arrives",
                event.assetId(), applied, event.sequence(), event.eventId(), applied + 1);
        jdbc.sql("""
                INSERT INTO parked_events (asset_id, sequence, envelope, parked_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (asset_id, sequence) DO NOTHING
                """)
                .params(event.assetId(), event.sequence(), codec.encodeToString(event),
                        java.sql.Timestamp.from(clock.instant()))
                .update();
    }

    private EventEnvelope unpark(UUID assetId, long sequence) {
        return jdbc.sql("DELETE FROM parked_events WHERE asset_id = ? AND sequence = ? RETURNING envelope")
                .params(assetId, sequence)
                .query(String.class)
                .optional()
                .map(json -> codec.decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .orElse(null);
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
