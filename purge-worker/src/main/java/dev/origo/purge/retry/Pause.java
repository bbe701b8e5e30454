package dev.origo.purge.retry;

import java.time.Duration;

/** Waits between attempts; returns false when the worker is stopping and the wait was cut short. */
@FunctionalInterface
public interface Pause {

    boolean sleep(Duration duration);
}
