package dev.origo.query.accesslog;

import java.time.Instant;

/**
 * Appends {@link Instant#toString()} (ISO-8601 in UTC, the fraction in groups of three digits, as
 * {@code DateTimeFormatter.ISO_INSTANT} prints it) with the date and time of day rendered once per second.
 *
 * <p>Why (issue 6): {@code Instant.toString} builds a {@code LocalDateTime}, formats it through the
 * {@code DateTimeFormatter} machinery and allocates half a dozen strings; on the 304 load it was ~5 % of the
 * query-api's Java samples, for one access line per request whose seconds rarely change. The part before the
 * fraction still comes from {@code Instant.toString} itself, once per second, so every year and era is
 * rendered as the JDK renders it.
 */
final class InstantText {

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    void appendTo(StringBuilder text, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = Second.of(epochSecond);
            last = second;
        }
        text.append(second.dateTime());
        int nanos = instant.getNano();
        if (nanos > 0) {
            text.append('.');
            appendFraction(text, nanos);
        }
        text.append('Z');
    }

    /** Nine digits of nanoseconds, cut after the last group of three that is not all zeros. */
    private static void appendFraction(StringBuilder text, int nanos) {
        int rest = nanos;
        for (int divisor = 100_000_000, digit = 0; digit < 9; digit++, divisor /= 10) {
            text.append((char) ('0' + rest / divisor));
            rest %= divisor;
            if (rest == 0 && digit % 3 == 2) {
                return;
            }
        }
    }

    /** An epoch second and its rendering up to the seconds, without the zone designator. */
    private record Second(long epochSecond, String dateTime) {

        static Second of(long epochSecond) {
            String whole = Instant.ofEpochSecond(epochSecond).toString();
            return new Second(epochSecond, whole.substring(0, whole.length() - 1));
        }
    }
}
