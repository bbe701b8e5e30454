package dev.origo.query.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP-date (RFC 9110 §5.6.7): formats IMF-fixdate and parses all three accepted formats.
 *
 * <p>The formatter is a shared immutable constant, so a {@code Last-Modified} value can be rendered
 * once per representation and cached. Parsing never throws on client input: anything that is not
 * a valid HTTP-date is {@link Optional#empty()}, which RFC 9110 tells recipients to ignore.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");

    private HttpDates() {
    }

    /**
     * Formats {@code instant} as IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}; any
     * fraction of a second is dropped.
     *
     * @throws IllegalArgumentException when the year is outside 0000..9999, which IMF-fixdate
     *     cannot express
     */
    public static String format(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        if (seconds.isBefore(FIRST) || seconds.isAfter(LAST)) {
            throw new IllegalArgumentException("year out of IMF-fixdate range: " + instant);
        }
        return IMF_FIXDATE.format(seconds);
    }

    /**
     * Parses an IMF-fixdate, rfc850-date or asctime-date, reading the two-digit years of
     * rfc850-dates against the system clock.
     *
     * @return the instant, or empty when {@code value} is null or not a valid HTTP-date
     */
    public static Optional<Instant> parse(String value) {
        return parse(value, Clock.systemUTC());
    }

    /**
     * Parses like {@link #parse(String)}; {@code clock} decides the century of an rfc850-date's
     * two-digit year: a year more than 50 years in the future is taken as the most recent past
     * year with the same last two digits.
     */
    public static Optional<Instant> parse(String value, Clock clock) {
        if (value == null) {
            return Optional.empty();
        }
        return HttpDateParser.parse(Ows.trim(value), clock.instant().atZone(ZoneOffset.UTC).getYear());
    }
}
