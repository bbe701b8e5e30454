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
import dev.origo.command.problem.BadCommandException;
import dev.origo.events.AssetVisibilityChanged;
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

    @PatchMapping(path = "/assets/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<String> change(@PathVariable UUID id, @RequestBody VisibilityRequest body,
                                  HttpServletRequest request) {
        if (body.isPublic() == null) {
            throw new BadCommandException("is_public (true or false) is required.");
        }
        boolean isPublic = body.isPublic();
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            Asset next = current.withVisibility(isPublic, sequence, now);
            return new Change(next, new AssetVisibilityChanged(isPublic), replies.ok(sequence, AssetBody.of(next)));
        }).toResponse();
    }
}
