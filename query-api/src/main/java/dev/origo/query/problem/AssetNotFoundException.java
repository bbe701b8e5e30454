package dev.origo.query.problem;

import java.util.UUID;

/** No public asset or version with that id (unknown, private or deleted: the answer is the same). */
public class AssetNotFoundException extends RuntimeException {

    public AssetNotFoundException(UUID id) {
        super("no public asset " + id);
    }
}
