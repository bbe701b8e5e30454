package dev.origo.command.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access tokens (private links).
 *
 * @param defaultExpiresIn the lifetime of a token when the request has no {@code expires_in}
 * @param maxExpiresIn     the cap on a requested lifetime; a longer one is cut to it
 */
@ConfigurationProperties("origo.tokens")
public record TokenProperties(
        @DefaultValue("1h") Duration defaultExpiresIn,
        @DefaultValue("7d") Duration maxExpiresIn) {

    public TokenProperties {
        if (defaultExpiresIn.compareTo(maxExpiresIn) > 0 || defaultExpiresIn.toSeconds() < 1) {
            throw new IllegalArgumentException("origo.tokens.default-expires-in must be between 1s and max-expires-in");
        }
    }
}
