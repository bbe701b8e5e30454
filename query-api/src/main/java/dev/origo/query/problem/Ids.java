package dev.origo.query.problem;

import java.util.UUID;
import java.util.regex.Pattern;

/** Path ids are canonical UUIDs; anything else is a 400, never a 500. */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** Whether {@code id} is a canonical UUID, which {@link #parse} accepts. */
    public static boolean isCanonical(String id) {
        return id != null && CANONICAL.matcher(id).matches();
    }

    public static UUID parse(String id) {
        if (!isCanonical(id)) {
            throw new MalformedIdException(id);
        }
        return UUID.fromString(id);
    }
}
