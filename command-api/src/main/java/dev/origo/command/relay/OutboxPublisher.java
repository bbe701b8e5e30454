package dev.origo.command.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

import dev.origo.events.Topics;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;

/**
 * Publishes a batch of outbox inserts to {@code origo.asset-events} (key = asset id), waits until
 * Kafka acknowledged every record, and only then marks them processed. A failed send throws, which
 * stops the engine: nothing is ever skipped.
 */
class OutboxPublisher implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {

    static final String EVENT_TYPE_HEADER = "origo-event-type";

    private final Producer<String, byte[]> producer;
    private final RelayMetrics metrics;

    OutboxPublisher(Producer<String, byte[]> producer, RelayMetrics metrics) {
        this.producer = producer;
        this.metrics = metrics;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> batch,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(batch.size());
        List<Struct> published = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            Struct row = outboxRow(change.record());
            if (row != null) {
                sends.add(producer.send(toKafka(row)));
                published.add(row);
            }
        }
        awaitAcknowledged(sends);
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
        published.forEach(metrics::published);
    }

    /** The inserted outbox row, or null for heartbeats, heartbeat-table changes and anything but an insert or snapshot read. */
    static Struct outboxRow(SourceRecord record) {
        if (!DebeziumSettings.OUTBOX_TOPIC.equals(record.topic()) || !(record.value() instanceof Struct value)) {
            return null;
        }
        String op = value.getString("op");
        if (!"c".equals(op) && !"r".equals(op)) {
            return null;
        }
        return value.getStruct("after");
    }

    private static ProducerRecord<String, byte[]> toKafka(Struct row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ASSET_EVENTS,
                row.getString("asset_id"), row.getString("envelope").getBytes(StandardCharsets.UTF_8));
        record.headers().add(EVENT_TYPE_HEADER, row.getString("type").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static void awaitAcknowledged(List<Future<RecordMetadata>> sends) throws InterruptedException {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new RelayFailedException("Kafka did not acknowledge an outbox record", e.getCause());
            }
        }
    }
}
