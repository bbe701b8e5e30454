package dev.origo.command.token;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** No token with this id belongs to the asset. */
public class TokenNotFoundException extends ProblemException {

    TokenNotFoundException(UUID assetId, UUID tokenId) {
        super(HttpStatus.NOT_FOUND, "token-not-found", "Access token not found",
                "Asset " + assetId + " has no access token " + tokenId + ".");
    }
}
