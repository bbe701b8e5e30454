package dev.origo.command.auth;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Producer authentication.
 *
 * @param producerKeys named producer keys; a request is authenticated by {@code Authorization: Bearer <key>}
 */
@ConfigurationProperties("origo.auth")
public record AuthProperties(Map<String, String> producerKeys) {

    public AuthProperties {
        producerKeys = producerKeys == null ? Map.of() : Map.copyOf(producerKeys);
    }
}
