package dev.origo.projector.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import dev.origo.events.EventCodec;
import dev.origo.events.MalformedEventException;
import dev.origo.events.Topics;
import dev.origo.projector.projection.Projection;

/**
 * Rebuilds the read model from {@code origo.asset-events} (kept forever) into a fresh schema, then
 * switches over by renaming schemas in one transaction. The query-api keeps serving the old tables
 * until the rename commits and the new ones right after: its statements name {@code query.*}, and
 * renaming a schema invalidates PostgreSQL's cached plans. The live projector is stopped meanwhile
 * and resumes from its own offsets afterwards; what the rebuild already applied it skips by sequence.
 */
@Component
public class Rebuild {

    static final String REBUILD_SCHEMA = "query_rebuild";
    static final String RETIRED_SCHEMA = "query_retired";
    private static final Logger log = LoggerFactory.getLogger(Rebuild.class);

    private final DataSourceProperties database;
    private final KafkaProperties kafka;
    private final KafkaListenerEndpointRegistry listeners;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();

    Rebuild(DataSourceProperties database, KafkaProperties kafka, KafkaListenerEndpointRegistry listeners,
            JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.database = database;
        this.kafka = kafka;
        this.listeners = listeners;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    public synchronized RebuildReport run() {
        Instant started = clock.instant();
        MessageListenerContainer live = listeners.getListenerContainer("projector");
        if (live != null) {
            live.stop();
        }
        try {
            prepareSchema();
            long[] counts;
            try (HikariDataSource tables = dataSource(REBUILD_SCHEMA)) {
                counts = replay(Projection.over(tables, clock));
            }
            switchOver();
            RebuildReport report = new RebuildReport(counts[0], counts[1], Duration.between(started, clock.instant()));
            log.info("Read model rebuilt: {}", report);
            return report;
        } finally {
            if (live != null) {
                live.start();
            }
        }
    }

    private void prepareSchema() {
        jdbc.sql("DROP SCHEMA IF EXISTS " + REBUILD_SCHEMA + " CASCADE").update();
        Flyway.configure().dataSource(database.determineUrl(), database.determineUsername(),
                        database.determinePassword())
                .schemas(REBUILD_SCHEMA).locations("classpath:db/migration/query").load().migrate();
    }

    /** Applies every event up to the end offsets seen at the start; returns {applied, unreadable}. */
    private long[] replay(Projection projection) {
        long applied = 0;
        long unreadable = 0;
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSET_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        applied += projection.apply(codec.decode(record.value())).size();
                    } catch (MalformedEventException e) {
                        unreadable++;
                    }
                }
            }
        }
        return new long[] {applied, unreadable};
    }

    private void switchOver() {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DROP SCHEMA IF EXISTS " + RETIRED_SCHEMA + " CASCADE").update();
            jdbc.sql("ALTER SCHEMA query RENAME TO " + RETIRED_SCHEMA).update();
            jdbc.sql("ALTER SCHEMA " + REBUILD_SCHEMA + " RENAME TO query").update();
        });
    }

    private HikariDataSource dataSource(String schema) {
        HikariDataSource tables = new HikariDataSource();
        tables.setJdbcUrl(database.determineUrl());
        tables.setUsername(database.determineUsername());
        tables.setPassword(database.determinePassword());
        tables.setSchema(schema);
        // One writer replays in order; more connections would not help.
        tables.setMaximumPoolSize(2);
        return tables;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()),
                // Committed transactions only, as the live projector reads them.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }
}
