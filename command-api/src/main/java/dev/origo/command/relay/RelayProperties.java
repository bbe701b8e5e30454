package dev.origo.command.relay;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The outbox relay (Debezium embedded, pgoutput) that publishes outbox rows to Kafka.
 *
 * @param enabled           run the relay in this instance (several may run: one holds the slot, the others wait)
 * @param slotName          the PostgreSQL logical replication slot
 * @param publicationName   the PostgreSQL publication of the outbox table
 * @param offsetTopic       the Kafka topic holding the relay's offsets (durable, shared by every instance)
 * @param eventPartitions   partitions of {@code origo.asset-events} when the relay creates it
 * @param replicationFactor replication factor of the topics the relay creates
 * @param pollInterval      how long Debezium waits for new changes before polling again
 * @param heartbeatInterval how often the heartbeat writes, so an idle slot does not pin WAL
 * @param restartBackoff    how long to wait before restarting the engine after a failure
 */
@ConfigurationProperties("origo.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("origo_outbox") String slotName,
        @DefaultValue("origo_outbox") String publicationName,
        @DefaultValue("origo.relay-offsets") String offsetTopic,
        @DefaultValue("12") int eventPartitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("5ms") Duration pollInterval,
        @DefaultValue("10s") Duration heartbeatInterval,
        @DefaultValue("5s") Duration restartBackoff) {
}
