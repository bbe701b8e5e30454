package dev.origo.command.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Checks a presented key against every configured producer key in constant time (no early exit on
 * the first match, no length leak beyond SHA-256's fixed size), and names the producer it belongs to.
 */
@Component
class ProducerKeys {

    private record Key(String name, byte[] digest) {
    }

    private final List<Key> keys;

    ProducerKeys(AuthProperties properties) {
        this.keys = properties.producerKeys().entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> new Key(e.getKey(), digest(e.getValue())))
                .toList();
    }

    Optional<String> producerOf(String presented) {
        byte[] candidate = digest(presented);
        String match = null;
        for (Key key : keys) {
            if (MessageDigest.isEqual(key.digest(), candidate)) {
                match = key.name();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
