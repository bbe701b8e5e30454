package dev.origo.query.problem;

import java.util.UUID;

import dev.origo.common.ids.CanonicalUuids;

/** Path ids are canonical UUIDs; anything else is a 400, never a 500. */
public final class Ids {

    private Ids() {
    }

    /** Whether {@code id} is a canonical UUID ({@link CanonicalUuids}), which {@link #parse} accepts. */
    public static boolean isCanonical(String id) {
        return CanonicalUuids.isCanonical(id);
    }

    public static UUID parse(String id) {
        if (!isCanonical(id)) {
            throw new MalformedIdException(id);
        }
        return UUID.fromString(id);
    }
}
