package dev.origo.query.problem;

/** The private link's token is unknown, expired or revoked, or its asset was deleted. These are not told apart. */
public class TokenRejectedException extends RuntimeException {

    public TokenRejectedException() {
        super("this link is not valid: unknown, expired or revoked, or its asset was deleted");
    }
}
