package dev.origo.command.token;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import dev.origo.command.problem.ProblemException;

/** The token was revoked already; revoking it again would emit an event that changes nothing. */
public class TokenRevokedException extends ProblemException {

    TokenRevokedException(UUID tokenId) {
        super(HttpStatus.CONFLICT, "token-revoked", "Access token already revoked",
                "Access token " + tokenId + " has already been revoked.");
    }
}
