package dev.origo.command.idempotency;

/**
 * A command request carrying an {@code Idempotency-Key}.
 *
 * @param producer    the producer's key name: keys are scoped per producer
 * @param key         the {@code Idempotency-Key} value
 * @param fingerprint SHA-256 (hex) of what makes two requests "the same": method, path and body
 * @param replayKey   key material for encrypting secret replies, derived from the producer's secret and the key
 */
public record IdempotentRequest(String producer, String key, String fingerprint, byte[] replayKey) {

    @Override
    public String toString() {
        return "IdempotentRequest[" + producer + ", " + key + "]";
    }
}
