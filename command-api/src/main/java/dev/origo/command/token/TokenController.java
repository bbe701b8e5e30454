package dev.origo.command.token;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.PublicUrls;
import dev.origo.command.asset.AssetChanges;
import dev.origo.command.asset.Change;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.Replies;
import dev.origo.command.openapi.Examples;
import dev.origo.command.problem.BadCommandException;
import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

/** Issues and revokes private links. Both are asset events, so they take the asset's next sequence. */
@RestController
class TokenController {

    private final AssetChanges changes;
    private final AccessTokens tokens;
    private final TokenProperties properties;
    private final Idempotency idempotency;
    private final Replies replies;
    private final PublicUrls urls;

    TokenController(AssetChanges changes, AccessTokens tokens, TokenProperties properties, Idempotency idempotency,
                    Replies replies, PublicUrls urls) {
        this.changes = changes;
        this.tokens = tokens;
        this.properties = properties;
        this.idempotency = idempotency;
        this.replies = replies;
        this.urls = urls;
    }

    @Operation(operationId = "issueAccessToken", summary = "Issue a private link (the raw token is shown once)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = TokenRequest.class),
                    examples = @ExampleObject(value = Examples.EXPIRES_IN))))
    @ApiResponse(responseCode = "201", description = "Issued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuedTokenBody.class),
                    examples = @ExampleObject(value = Examples.TOKEN)))
    @PostMapping("/assets/{id}/access-token")
    ResponseEntity<String> issue(@PathVariable UUID id, @RequestBody(required = false) TokenRequest body,
                                 HttpServletRequest request) {
        Duration lifetime = lifetime(body);
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            UUID tokenId = UUID.randomUUID();
            String token = TokenSecrets.generate();
            String sha256 = TokenSecrets.sha256(token);
            Instant expiresAt = now.plus(lifetime);
            var reply = new IssuedTokenBody(tokenId, token, id, expiresAt, urls.privateLink(token), sequence);
            return new Change(current.next(sequence, now), new AccessTokenIssued(tokenId, sha256, expiresAt),
                    () -> tokens.insert(tokenId, id, sha256, expiresAt, now), replies.createdSecret(sequence, reply));
        }).toResponse();
    }

    @Operation(operationId = "revokeAccessToken", summary = "Revoke a private link")
    @ApiResponse(responseCode = "204", description = "Revoked")
    @DeleteMapping("/assets/{id}/access-tokens/{tokenId}")
    ResponseEntity<String> revoke(@PathVariable UUID id, @PathVariable UUID tokenId, HttpServletRequest request) {
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            AccessTokens.AccessToken token = tokens.find(tokenId)
                    .filter(t -> t.assetId().equals(id))
                    .orElseThrow(() -> new TokenNotFoundException(id, tokenId));
            if (token.revokedAt() != null) {
                throw new TokenRevokedException(tokenId);
            }
            return new Change(current.next(sequence, now), new AccessTokenRevoked(tokenId, token.tokenSha256()),
                    () -> tokens.revoke(tokenId, now), replies.noContent(sequence));
        }).toResponse();
    }

    /**
     * {@code expires_in} capped by configuration (DESIGN §4): a longer lifetime is cut to the maximum, which the
     * reply's {@code expires_at} shows; absent means the default; below 1 s is a 400.
     */
    Duration lifetime(TokenRequest body) {
        if (body == null || body.expiresIn() == null) {
            return properties.defaultExpiresIn();
        }
        long seconds = body.expiresIn();
        if (seconds < 1) {
            throw new BadCommandException("expires_in must be at least 1 second, was " + seconds + ".");
        }
        return Duration.ofSeconds(Math.min(seconds, properties.maxExpiresIn().toSeconds()));
    }
}
