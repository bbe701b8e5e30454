package dev.origo.command.publish;

import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.PublicUrls;
import dev.origo.command.asset.AssetChanges;
import dev.origo.command.asset.Change;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.Replies;
import dev.origo.command.openapi.Examples;
import dev.origo.events.AssetPublished;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

/** {@code POST /assets/{id}/publish}: version n+1 points at the current blob; no bytes are copied (DESIGN §2). */
@RestController
class PublishController {

    private final AssetChanges changes;
    private final Versions versions;
    private final Idempotency idempotency;
    private final Replies replies;
    private final PublicUrls urls;

    PublishController(AssetChanges changes, Versions versions, Idempotency idempotency, Replies replies,
                      PublicUrls urls) {
        this.changes = changes;
        this.versions = versions;
        this.idempotency = idempotency;
        this.replies = replies;
        this.urls = urls;
    }

    @Operation(operationId = "publishAsset", summary = "Freeze the current content as version n+1")
    @ApiResponse(responseCode = "201", description = "Published; Location is the version's public URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PublishedBody.class),
                    examples = @ExampleObject(value = Examples.PUBLISHED)))
    @PostMapping("/assets/{id}/publish")
    ResponseEntity<String> publish(@PathVariable UUID id, HttpServletRequest request) {
        return changes.apply(id, idempotency.of(request), (current, sequence, now) -> {
            UUID versionId = UUID.randomUUID();
            int number = versions.nextNumber(id);
            var event = new AssetPublished(versionId, number, current.sha256(), current.size(), current.contentType(),
                    current.filename());
            var body = new PublishedBody(versionId, number, '"' + current.sha256() + '"', urls.publicVersion(versionId),
                    sequence);
            return new Change(current.next(sequence, now), event, () -> versions.insert(versionId, number, current, now),
                    replies.created(urls.publicVersion(versionId), sequence, body));
        }).toResponse();
    }
}
