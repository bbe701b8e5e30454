package dev.origo.command.asset;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** The asset was deleted: no command applies to it any more. */
public class AssetDeletedException extends ProblemException {

    public AssetDeletedException(UUID id) {
        super(HttpStatus.CONFLICT, "asset-deleted", "Asset deleted", "Asset " + id + " has been deleted.");
    }
}
