package dev.origo.command.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code Idempotency-Key} handling.
 *
 * @param retention       how long a recorded reply is replayed; afterwards the key may be used for a new request
 * @param cleanupInterval how often expired keys are deleted
 * @param maxBodySize     the largest JSON command body read (and fingerprinted); larger ones get 413
 */
@ConfigurationProperties("origo.idempotency")
public record IdempotencyProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval,
        @DefaultValue("64KB") DataSize maxBodySize) {
}
