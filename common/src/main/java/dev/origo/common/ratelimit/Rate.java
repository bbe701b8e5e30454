package dev.origo.common.ratelimit;

import java.time.Duration;

/**
 * How fast one client may go: {@code permits} per {@code per}, refilled evenly, and at most {@code burst}
 * saved up by a client that has been quiet.
 *
 * @param permits requests allowed per {@code per} in the long run
 * @param per     the period of {@code permits}
 * @param burst   requests a quiet client may send at once
 */
public record Rate(int permits, Duration per, int burst) {

    public Rate {
        if (permits < 1 || burst < 1 || per == null || per.isNegative() || per.isZero()) {
            throw new IllegalArgumentException("a rate needs permits >= 1, burst >= 1 and a positive period, was "
                    + permits + " per " + per + ", burst " + burst);
        }
    }

    /** {@code permits} per {@code per}, all of them usable at once. */
    public static Rate of(int permits, Duration per) {
        return new Rate(permits, per, permits);
    }

    double nanosPerPermit() {
        return (double) per.toNanos() / permits;
    }

    /** How long an empty bucket takes to fill up again: after that, a bucket is as good as new. */
    Duration refillTime() {
        return Duration.ofNanos((long) Math.ceil(burst * nanosPerPermit()));
    }
}
