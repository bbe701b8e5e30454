package dev.origo.command.asset;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** No asset has this id. */
public class AssetNotFoundException extends ProblemException {

    public AssetNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, "asset-not-found", "Asset not found", "There is no asset " + id + ".");
    }
}
