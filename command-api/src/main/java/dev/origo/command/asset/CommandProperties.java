package dev.origo.command.asset;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Commands on existing assets (optimistic concurrency on the asset's sequence).
 *
 * @param maxAttempts how often a command that lost the compare-and-set to a concurrent command is retried
 *                    before the producer gets 409 {@code concurrent-modification}
 * @param maxBackoff  the upper bound of the random pause between two attempts (spreads colliding retries)
 */
@ConfigurationProperties("origo.commands")
public record CommandProperties(
        @DefaultValue("32") int maxAttempts,
        @DefaultValue("20ms") Duration maxBackoff) {

    public CommandProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("origo.commands.max-attempts must be >= 1, was " + maxAttempts);
        }
    }
}
