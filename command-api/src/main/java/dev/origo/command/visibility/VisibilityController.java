package dev.origo.command.visibility;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.asset.Asset;
import dev.origo.command.asset.AssetBody;
import dev.origo.command.asset.AssetChanges;
import dev.origo.command.asset.Change;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.Replies;
import dev.origo.command.openapi.Examples;
import dev.origo.command.problem.BadCommandException;
import dev.origo.events.AssetVisibilityChanged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code PATCH /assets/{id}} with {@code {"is_public": bool}}: 200 with the asset's body. Every PATCH emits
 * {@code AssetVisibilityChanged}, also when the value is unchanged: the producer asked for a state, the
 * event records it, and consumers apply it idempotently.
 */
@RestController
class VisibilityController {

    private final AssetChanges changes;
    private final Idempotency idempotency;
    private final Replies replies;

    VisibilityController(AssetChanges changes, Idempotency idempotency, Replies replies) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.replies = replies;
    }

    /** Accepts {@code application/json} and {@code application/merge-patch+json} (any {@code +json}); others get 415. */
    @Operation(operationId = "changeVisibility", summary = "Make an asset public or private",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = VisibilityRequest.class),
                    examples = @ExampleObject(value = Examples.VISIBILITY))))
    @ApiResponse(responseCode = "200", description = "Changed, or already so (then nothing is recorded and `sequence` stays); the asset as it is now",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetBody.class),
                    examples = @ExampleObject(value = Examples.ASSET)))
    @PatchMapping("/assets/{id}")
    ResponseEntity<String> change(@PathVariable UUID id, @RequestBody VisibilityRequest body,
                                  HttpServletRequest request) {
        if (body.isPublic() == null) {
            throw new BadCommandException("is_public (true or false) is required.");
        }
        boolean isPublic = body.isPublic();
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            if (current.isPublic() == isPublic) {
                // Already so: 200 with the asset as it is, and no event (which would purge its URLs at the edge).
                return Change.none(replies.ok(current.sequence(), AssetBody.of(current)));
            }
            Asset next = current.withVisibility(isPublic, sequence, now);
            return new Change(next, new AssetVisibilityChanged(isPublic), replies.ok(sequence, AssetBody.of(next)));
        }).toResponse();
    }
}
