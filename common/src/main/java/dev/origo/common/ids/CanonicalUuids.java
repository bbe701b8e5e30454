package dev.origo.common.ids;

import java.util.UUID;

/**
 * The one spelling of a UUID that a path may carry: {@code 8-4-4-4-12} hex digits, either case. {@link UUID#fromString}
 * alone is lenient ({@code 1-1-1-1-1} is {@code 00000001-0001-0001-0001-000000000001}), so two services could
 * disagree on whether an id is malformed (400) or unknown (404).
 */
public final class CanonicalUuids {

    private static final int LENGTH = 36;

    private CanonicalUuids() {
    }

    /**
     * Whether {@code text} is a canonical UUID. A loop rather than a regular expression: the query-api runs it on
     * every content request, and the pattern match showed up in the hot path's profile.
     */
    public static boolean isCanonical(String text) {
        if (text == null || text.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = text.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The UUID, or {@link IllegalArgumentException} when {@code text} is not {@linkplain #isCanonical canonical}. */
    public static UUID parse(String text) {
        if (!isCanonical(text)) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return UUID.fromString(text);
    }
}
