package dev.origo.projector.consume;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import dev.origo.events.MalformedEventException;
import dev.origo.events.Topics;

/**
 * Fatal: an event that cannot be read goes to {@code origo.asset-events.dlt} with the reason in a
 * header, and the projector moves on. Retriable: everything else (PostgreSQL or Kafka down) is
 * retried with exponential back-off, without end: skipping would lose an event. (A sequence gap is
 * not an error here: the projection parks the event until its predecessor arrives.)
 */
@Configuration(proxyBeanMethods = false)
class ConsumerErrors {

    static final String REASON_HEADER = "origo-dlt-reason";

    @Bean
    DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(Topics.ASSET_EVENTS_DLT, -1));
        recoverer.setHeadersFunction((record, e) -> {
            org.apache.kafka.common.header.internals.RecordHeaders headers =
                    new org.apache.kafka.common.header.internals.RecordHeaders();
            String reason = String.valueOf(reason(e).getMessage());
            headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
            return headers;
        });
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    NewTopic deadLetters() {
        return TopicBuilder.name(Topics.ASSET_EVENTS_DLT).partitions(1).build();
    }

    /** Our own exception's message where there is one (it says what is wrong with the event), else the root cause's. */
    private static Throwable reason(Throwable e) {
        Throwable cause = e;
        while (!(cause instanceof MalformedEventException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
