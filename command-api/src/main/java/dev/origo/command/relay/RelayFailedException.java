package dev.origo.command.relay;

/** The relay could not publish; the engine stops and restarts from its last committed offset. */
class RelayFailedException extends RuntimeException {

    RelayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
