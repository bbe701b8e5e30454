package dev.origo.query.http;

/** Optional whitespace (RFC 9110 §5.6.3): {@code OWS = *( SP / HTAB )}. */
final class Ows {

    private Ows() {
    }

    /** Returns the index of the first character at or after {@code from} that is not SP or HTAB. */
    static int skip(String value, int from) {
        int i = from;
        while (i < value.length() && isOws(value.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Returns {@code value} without leading and trailing SP and HTAB. */
    static String trim(String value) {
        int start = skip(value, 0);
        int end = value.length();
        while (end > start && isOws(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isOws(char c) {
        return c == ' ' || c == '\t';
    }
}
