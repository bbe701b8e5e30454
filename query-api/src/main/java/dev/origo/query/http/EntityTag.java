package dev.origo.query.http;

import java.util.Objects;
import java.util.Optional;

/**
 * An entity-tag (RFC 9110 §8.8.3): {@code "xyz"} (strong) or {@code W/"xyz"} (weak).
 *
 * <p>Grammar, case-sensitive: {@code entity-tag = [ %s"W/" ] DQUOTE *etagc DQUOTE} with
 * {@code etagc = %x21 / %x23-7E / %x80-FF}. A lowercase {@code w/} is not a weak indicator.
 *
 * @param opaqueTag the characters between the quotes
 * @param weak whether the tag carries the {@code W/} weakness indicator
 */
record EntityTag(String opaqueTag, boolean weak) {

    EntityTag {
        Objects.requireNonNull(opaqueTag, "opaqueTag");
        if (scanOpaque(opaqueTag, 0, opaqueTag.length()) != opaqueTag.length()) {
            throw new IllegalArgumentException("not etagc characters: " + opaqueTag);
        }
    }

    /**
     * Parses a field value that must hold exactly one entity-tag, surrounding OWS allowed.
     *
     * @return the tag, or empty when {@code value} is null or not exactly one entity-tag
     */
    static Optional<EntityTag> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int start = Ows.skip(value, 0);
        int end = tagEnd(value, start);
        if (end < 0 || Ows.skip(value, end) != value.length()) {
            return Optional.empty();
        }
        return Optional.of(at(value, start, end));
    }

    /**
     * Strong comparison (RFC 9110 §8.8.3.2): both tags are strong and their opaque-tags are identical.
     */
    boolean strongMatches(EntityTag other) {
        return !weak && !other.weak && opaqueTag.equals(other.opaqueTag);
    }

    /** Weak comparison (RFC 9110 §8.8.3.2): the opaque-tags are identical, weakness ignored. */
    boolean weakMatches(EntityTag other) {
        return opaqueTag.equals(other.opaqueTag);
    }

    /** The tag as it appears in a field value, e.g. {@code W/"xyz"}. */
    @Override
    public String toString() {
        return (weak ? "W/\"" : "\"") + opaqueTag + '"';
    }

    /**
     * Finds where an entity-tag starting at {@code start} ends.
     *
     * @return the index just past the closing quote, or -1 when no well-formed tag starts there
     */
    static int tagEnd(String value, int start) {
        int i = value.startsWith("W/", start) ? start + 2 : start;
        if (i >= value.length() || value.charAt(i) != '"') {
            return -1;
        }
        int close = scanOpaque(value, i + 1, value.length());
        return close < value.length() && value.charAt(close) == '"' ? close + 1 : -1;
    }

    /** Builds the tag spanning {@code [start, end)}, a range that {@link #tagEnd} accepted. */
    static EntityTag at(String value, int start, int end) {
        boolean weak = value.charAt(start) == 'W';
        return new EntityTag(value.substring(weak ? start + 3 : start + 1, end - 1), weak);
    }

    /** Returns the index of the first character in {@code [from, to)} that is not etagc. */
    private static int scanOpaque(String value, int from, int to) {
        int i = from;
        while (i < to && isEtagc(value.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isEtagc(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }
}
