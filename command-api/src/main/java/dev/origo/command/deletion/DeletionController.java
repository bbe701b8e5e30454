package dev.origo.command.deletion;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.asset.AssetChanges;
import dev.origo.command.asset.Change;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.Replies;
import dev.origo.events.AssetDeleted;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code DELETE /assets/{id}}: 204, {@code AssetDeleted}. The row stays (marked deleted) so that its id is
 * never reused and later commands get 409 rather than 404; blobs stay, since other assets may share them.
 */
@RestController
class DeletionController {

    private final AssetChanges changes;
    private final Idempotency idempotency;
    private final Replies replies;

    DeletionController(AssetChanges changes, Idempotency idempotency, Replies replies) {
        this.changes = changes;
        this.idempotency = idempotency;
        this.replies = replies;
    }

    @Operation(operationId = "deleteAsset", summary = "Take an asset and its versions out of public view")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/assets/{id}")
    ResponseEntity<String> delete(@PathVariable UUID id, HttpServletRequest request) {
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            return new Change(current.asDeleted(sequence, now), new AssetDeleted(), replies.noContent(sequence));
        }).toResponse();
    }
}
