package dev.origo.infra.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import dev.origo.events.AssetEvent;
import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;
import dev.origo.events.Topics;

/**
 * Publishes events straight to {@code origo.asset-events}, as the relay would: read-side tests use
 * it to drive the projector and the query-api with exactly the events they need.
 */
final class Events {

    private static final EventCodec CODEC = new EventCodec();

    private Events() {
    }

    @SuppressWarnings("unchecked")
    static void publish(Stack stack, UUID assetId, long sequence, AssetEvent event) throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), assetId, sequence,
                Instant.now().truncatedTo(ChronoUnit.MICROS), event);
        KafkaTemplate<String, byte[]> kafka = stack.projector.getBean(KafkaTemplate.class);
        kafka.send(new ProducerRecord<>(Topics.ASSET_EVENTS, assetId.toString(), CODEC.encode(envelope))).get();
    }
}
