package dev.origo.command.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The authenticated producer of a request: the name of its key in configuration and a secret derived from
 * the key (never the key itself), which keys what must be kept for this producer only.
 *
 * @param name   the configured name of the key ({@code origo.auth.producer-keys.<name>})
 * @param secret SHA-256 of a fixed label and the key; lives in memory only
 */
public record Producer(String name, byte[] secret) {

    static final String ATTRIBUTE = "origo.producer";

    /** The producer the authentication filter admitted; every command request has one. */
    public static Producer of(HttpServletRequest request) {
        Object producer = request.getAttribute(ATTRIBUTE);
        if (!(producer instanceof Producer p)) {
            throw new IllegalStateException("request was not authenticated");
        }
        return p;
    }

    static Producer authenticated(String name, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update("origo producer secret\0".getBytes(StandardCharsets.UTF_8));
            return new Producer(name, sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Producer[" + name + "]";
    }
}
