package dev.origo.purge.notice;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.origo.events.Topics;

/**
 * Sends notices whose purge kept failing to {@code origo.asset-events.purge-dlq}: the original notice
 * bytes, keyed by asset id, with the reason in headers. Waits for Kafka's acknowledgement, because
 * the notice's offset is committed right after.
 */
@Component
class DeadLetters {

    static final String REASON = "origo-purge-failure-reason";
    static final String MESSAGE = "origo-purge-failure-message";
    static final String PROVIDER = "origo-purge-provider";
    static final String ATTEMPTS = "origo-purge-attempts";

    private final KafkaTemplate<String, byte[]> kafka;

    DeadLetters(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    void send(String key, byte[] notice, String provider, String reason, String message, int attempts) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PURGE_DLQ, key, notice);
        record.headers().add(REASON, bytes(reason));
        record.headers().add(MESSAGE, bytes(message == null ? reason : message));
        record.headers().add(PROVIDER, bytes(provider));
        record.headers().add(ATTEMPTS, bytes(Integer.toString(attempts)));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering a purge", e);
        } catch (Exception e) {
            // The batch is redelivered: losing the notice here would lose its purge.
            throw new IllegalStateException("could not dead-letter a purge to " + Topics.PURGE_DLQ, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
