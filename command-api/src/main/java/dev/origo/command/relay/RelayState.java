package dev.origo.command.relay;

/** What the relay is doing, for the readiness probe. */
enum RelayState {
    STOPPED, STARTING, RUNNING, FAILED
}
