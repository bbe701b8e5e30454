package dev.origo.command.outbox;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;

/**
 * The transactional outbox: an event is a row written in the same transaction as the change it
 * describes; the relay publishes it to Kafka from the WAL.
 */
@Repository
public class Outbox {

    private final JdbcClient jdbc;
    private final BusinessMetrics metrics;
    private final EventCodec codec = new EventCodec();

    Outbox(JdbcClient jdbc, BusinessMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** Appends the event; must join the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(EventEnvelope event) {
        jdbc.sql("""
                INSERT INTO command.outbox (event_id, asset_id, sequence, type, envelope, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(event.eventId(), event.assetId(), event.sequence(), event.type(),
                        codec.encodeToString(event), Timestamp.from(event.occurredAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                metrics.committed(event.payload());
            }
        });
    }
}
