package dev.origo.query.http;

/**
 * A one-pass cursor over a range-set ({@code 1#range-spec}, RFC 9110 §14.1.1): no backtracking,
 * no regular expressions, every character read at most once.
 */
final class RangeSetScanner {

    private final String value;
    private int position;

    RangeSetScanner(String value, int from) {
        this.value = value;
        this.position = Ows.skip(value, from);
    }

    /** Skips empty list elements; returns whether a non-empty element starts at the cursor. */
    boolean nextElement() {
        while (position < value.length() && value.charAt(position) == ',') {
            position = Ows.skip(value, position + 1);
        }
        return position < value.length();
    }

    /** Reads {@code first-last}, {@code first-} or {@code -suffix}; null when malformed. */
    RangeSpec rangeSpec() {
        if (peek() == '-') {
            position++;
            long suffix = number();
            return suffix < 0 ? null : RangeSpec.suffix(suffix);
        }
        long first = number();
        if (first < 0 || peek() != '-') {
            return null;
        }
        position++;
        if (!isDigit(peek())) {
            return RangeSpec.open(first);
        }
        long last = number();
        return last < first ? null : RangeSpec.closed(first, last);
    }

    /** Skips OWS after an element; true when the element is followed by a comma or the end. */
    boolean elementEnded() {
        position = Ows.skip(value, position);
        return position == value.length() || value.charAt(position) == ',';
    }

    /** Reads {@code 1*DIGIT}; -1 when there is no digit or the value overflows {@code long}. */
    private long number() {
        if (!isDigit(peek())) {
            return -1;
        }
        long result = 0;
        while (isDigit(peek())) {
            int digit = value.charAt(position++) - '0';
            if (result > (Long.MAX_VALUE - digit) / 10) {
                return -1;
            }
            result = result * 10 + digit;
        }
        return result;
    }

    private char peek() {
        return position < value.length() ? value.charAt(position) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
