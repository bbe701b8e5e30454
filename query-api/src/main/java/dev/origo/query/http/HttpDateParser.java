package dev.origo.query.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Reads the three HTTP-date formats of RFC 9110 §5.6.7 by fixed positions, without regular
 * expressions or exceptions.
 *
 * <pre>
 * IMF-fixdate  Sun, 06 Nov 1994 08:49:37 GMT
 * rfc850-date  Sunday, 06-Nov-94 08:49:37 GMT
 * asctime-date Sun Nov  6 08:49:37 1994
 * </pre>
 *
 * <p>Names are case-sensitive, as the grammar says. The day name is checked for syntax but not
 * against the date (it is redundant; Go's {@code http.ParseTime} does the same). A leap second
 * ({@code :60}) is read as {@code :59} of the same minute, since {@link Instant} has no leap seconds.
 */
final class HttpDateParser {

    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> LONG_DAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS = List.of(
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private HttpDateParser() {
    }

    /** Parses a trimmed value; {@code currentYear} resolves two-digit rfc850 years. */
    static Optional<Instant> parse(String s, int currentYear) {
        if (s.length() == 29 && s.indexOf(',') == 3) {
            return imfFixdate(s);
        }
        if (s.length() == 24 && s.indexOf(' ') == 3) {
            return asctime(s);
        }
        return rfc850(s, currentYear);
    }

    private static Optional<Instant> imfFixdate(String s) {
        if (!DAYS.contains(s.substring(0, 3)) || !s.startsWith(", ", 3) || !s.startsWith(" GMT", 25)
                || !separators(s, 7, ' ', 11, ' ', 16, ' ')) {
            return Optional.empty();
        }
        return of(digits(s, 12, 4), month(s, 8), digits(s, 5, 2), s, 17);
    }

    private static Optional<Instant> asctime(String s) {
        if (!DAYS.contains(s.substring(0, 3)) || !separators(s, 7, ' ', 10, ' ', 19, ' ')) {
            return Optional.empty();
        }
        int day = s.charAt(8) == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
        return of(digits(s, 20, 4), month(s, 4), day, s, 11);
    }

    private static Optional<Instant> rfc850(String s, int currentYear) {
        int comma = s.indexOf(',');
        if (comma < 0 || !LONG_DAYS.contains(s.substring(0, comma)) || s.length() != comma + 24) {
            return Optional.empty();
        }
        int d = comma + 2;
        if (s.charAt(comma + 1) != ' ' || !s.startsWith(" GMT", d + 18)
                || !separators(s, d + 2, '-', d + 6, '-', d + 9, ' ')) {
            return Optional.empty();
        }
        int twoDigitYear = digits(s, d + 7, 2);
        int year = twoDigitYear < 0 ? -1 : centuryFor(twoDigitYear, currentYear);
        return of(year, month(s, d + 3), digits(s, d, 2), s, d + 10);
    }

    /** RFC 9110 §5.6.7: a year more than 50 years ahead means the most recent matching past year. */
    private static int centuryFor(int twoDigitYear, int currentYear) {
        int year = currentYear - Math.floorMod(currentYear, 100) + twoDigitYear;
        return year > currentYear + 50 ? year - 100 : year;
    }

    /** Validates the parts and reads {@code hh:mm:ss} at {@code time}. */
    private static Optional<Instant> of(int year, int month, int day, String s, int time) {
        int hour = digits(s, time, 2);
        int minute = digits(s, time + 3, 2);
        int second = digits(s, time + 6, 2);
        boolean valid = year >= 0 && month >= 1 && day >= 1
                && day <= Month.of(month).length(Year.isLeap(year))
                && s.charAt(time + 2) == ':' && s.charAt(time + 5) == ':'
                && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 60;
        if (!valid) {
            return Optional.empty();
        }
        LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59));
        return Optional.of(local.toInstant(ZoneOffset.UTC));
    }

    /** Returns the 1-based month whose three-letter name starts at {@code at}, or -1. */
    private static int month(String s, int at) {
        return MONTHS.indexOf(s.substring(at, at + 3)) + 1;
    }

    private static boolean separators(String s, int a, char ca, int b, char cb, int c, char cc) {
        return s.charAt(a) == ca && s.charAt(b) == cb && s.charAt(c) == cc;
    }

    /** Reads {@code count} ASCII digits at {@code at}, or returns -1 if any is not a digit. */
    private static int digits(String s, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
