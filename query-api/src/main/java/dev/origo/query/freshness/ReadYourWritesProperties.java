package dev.origo.query.freshness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes through {@code X-Min-Sequence}.
 *
 * @param maxWait      the longest a request waits for the read model to reach the sequence; then 503
 * @param pollInterval how often the read model is re-read while waiting
 */
@ConfigurationProperties("origo.read-your-writes")
public record ReadYourWritesProperties(
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("5ms") Duration pollInterval) {
}
