package dev.origo.command.idempotency;

/**
 * A concurrent request with the same key committed first; this one's transaction must roll back and the
 * winner's reply be replayed. Never reaches a client.
 */
class IdempotencyKeyTakenException extends RuntimeException {

    IdempotencyKeyTakenException() {
        super("idempotency key taken by a concurrent request", null, false, false);
    }
}
