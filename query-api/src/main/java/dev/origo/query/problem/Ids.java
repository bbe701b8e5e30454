package dev.origo.query.problem;

import java.util.UUID;

/** Path ids are canonical UUIDs; anything else is a 400, never a 500. */
public final class Ids {

    private static final int LENGTH = 36;

    private Ids() {
    }

    /**
     * Whether {@code id} is a canonical UUID ({@code 8-4-4-4-12} hex digits, either case), which
     * {@link #parse} accepts. A loop rather than a regular expression: it runs twice on every content
     * request, and the pattern match showed up in the hot path's profile.
     */
    public static boolean isCanonical(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            boolean ok = (i == 8 || i == 13 || i == 18 || i == 23) ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    public static UUID parse(String id) {
        if (!isCanonical(id)) {
            throw new MalformedIdException(id);
        }
        return UUID.fromString(id);
    }
}
