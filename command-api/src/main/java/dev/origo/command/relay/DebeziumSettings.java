package dev.origo.command.relay;

import java.net.URI;
import java.util.Properties;

/**
 * The Debezium engine's configuration, derived from the service's datasource and Kafka settings so
 * that nothing is configured twice.
 */
final class DebeziumSettings {

    static final String TOPIC_PREFIX = "origo-relay";
    static final String OUTBOX_TABLE = "command.outbox";
    static final String OUTBOX_TOPIC = TOPIC_PREFIX + "." + OUTBOX_TABLE;

    private DebeziumSettings() {
    }

    static Properties of(RelayProperties relay, String jdbcUrl, String user, String password, String bootstrapServers) {
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        Properties props = new Properties();
        props.setProperty("name", "origo-outbox-relay");
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        // Offsets live in Kafka, where every command-api instance can read them (DESIGN §9), never in a local file.
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.KafkaOffsetBackingStore");
        props.setProperty("offset.storage.topic", relay.offsetTopic());
        props.setProperty("offset.storage.partitions", "1");
        props.setProperty("offset.storage.replication.factor", Short.toString(relay.replicationFactor()));
        props.setProperty("bootstrap.servers", bootstrapServers);
        // Commit offsets after every batch: a restart then re-sends at most one batch.
        props.setProperty("offset.flush.interval.ms", "0");
        props.setProperty("database.hostname", database.getHost());
        props.setProperty("database.port", Integer.toString(database.getPort() > 0 ? database.getPort() : 5432));
        props.setProperty("database.dbname", database.getPath().substring(1));
        props.setProperty("database.user", user);
        props.setProperty("database.password", password == null ? "" : password);
        props.setProperty("topic.prefix", TOPIC_PREFIX);
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", relay.slotName());
        props.setProperty("publication.name", relay.publicationName());
        // The publication covers only the outbox and the heartbeat table.
        props.setProperty("publication.autocreate.mode", "filtered");
        props.setProperty("table.include.list", OUTBOX_TABLE + ",command.relay_heartbeat");
        // A first start (or lost offsets) snapshots the outbox: duplicates are skipped downstream, gaps never happen.
        props.setProperty("snapshot.mode", "initial");
        // The default 500 ms would add half a second to every upload → downloadable. The interval is both the
        // replication reader's idle pause and the batch window, and Debezium's queue spins through the last
        // millisecond of every window: 2 ms cost 40 % of a core while idle, 5 ms 24 % (decision 0019) until the
        // queue below paced it.
        props.setProperty("poll.interval.ms", Long.toString(relay.pollInterval().toMillis()));
        // Debezium's in-memory queue, but its poll loop pauses on an empty queue instead of spinning through the last
        // millisecond of every window (decision 0028).
        props.setProperty("queue.provider.type", PacedQueueProvider.NAME);
        props.setProperty("heartbeat.interval.ms", Long.toString(relay.heartbeatInterval().toMillis()));
        // Writing a row makes the slot advance even when other databases produce all the WAL.
        props.setProperty("heartbeat.action.query",
                "INSERT INTO command.relay_heartbeat (id, beat_at) VALUES (1, now()) "
                        + "ON CONFLICT (id) DO UPDATE SET beat_at = EXCLUDED.beat_at");
        // Outbox rows are never deleted by the application; no tombstones needed.
        props.setProperty("tombstones.on.delete", "false");
        // Connection problems with PostgreSQL are retried by Debezium itself before the engine gives up.
        props.setProperty("errors.max.retries", "-1");
        return props;
    }
}
