package dev.origo.query.problem;

import java.util.UUID;
import java.util.regex.Pattern;

/** Path ids are canonical UUIDs; anything else is a 400, never a 500. */
public final class Ids {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parse(String id) {
        if (id == null || !CANONICAL.matcher(id).matches()) {
            throw new MalformedIdException(id);
        }
        return UUID.fromString(id);
    }
}
