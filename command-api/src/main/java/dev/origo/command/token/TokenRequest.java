package dev.origo.command.token;

/**
 * The optional body of {@code POST /assets/{id}/access-token}.
 *
 * @param expiresIn the token's lifetime in seconds, at least 1, cut to {@code origo.tokens.max-expires-in}; default
 *                  {@code origo.tokens.default-expires-in}
 */
record TokenRequest(Long expiresIn) {
}
