package dev.origo.command.token;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * The 201 body of an issued token: the only time the raw token is shown.
 *
 * @param tokenId   the token's id, for revoking it
 * @param token     the raw token (base64url, 43 characters); only its SHA-256 is stored
 * @param assetId   the asset it opens
 * @param expiresAt when it stops working
 * @param url       the private link: {@code <public base url>/assets/private/<token>}
 * @param sequence  the asset's sequence after issuing
 */
record IssuedTokenBody(UUID tokenId, String token, UUID assetId, Instant expiresAt, URI url, long sequence) {
}
