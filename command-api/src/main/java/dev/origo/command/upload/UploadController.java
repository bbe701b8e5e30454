package dev.origo.command.upload;

import java.io.IOException;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.asset.AssetBody;
import dev.origo.command.asset.AssetChanges;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.openapi.Examples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class UploadController {

    private final MultipartUpload multipart;
    private final UploadAsset uploads;
    private final ReplaceContent replacements;
    private final AssetChanges changes;
    private final Idempotency idempotency;

    UploadController(MultipartUpload multipart, UploadAsset uploads, ReplaceContent replacements,
                     AssetChanges changes, Idempotency idempotency) {
        this.multipart = multipart;
        this.uploads = uploads;
        this.replacements = replacements;
        this.changes = changes;
        this.idempotency = idempotency;
    }

    /** {@code POST /assets/upload}: multipart {@code file} and optional {@code is_public} (default true). */
    @Operation(operationId = "uploadAsset", summary = "Upload a file as a new asset",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "multipart/form-data", schema = @Schema(implementation = UploadFormSchema.class))))
    @ApiResponse(responseCode = "201", description = "Created; Location is the asset's metadata URL",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetBody.class),
                    examples = @ExampleObject(value = Examples.ASSET)))
    @PostMapping("/assets/upload")
    ResponseEntity<String> upload(HttpServletRequest request) throws IOException {
        try (UploadForm form = multipart.read(request)) {
            return uploads.upload(form, idempotency.of(request, form.fingerprintParts())).toResponse();
        }
    }

    /** {@code PUT /assets/{id}/content}: multipart {@code file} replaces the latest content. */
    @Operation(operationId = "replaceContent", summary = "Replace the latest content of an asset",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = "multipart/form-data", schema = @Schema(implementation = UploadFormSchema.class))))
    @ApiResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AssetBody.class),
                    examples = @ExampleObject(value = Examples.ASSET)))
    @PutMapping("/assets/{id}/content")
    ResponseEntity<String> replace(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        changes.requireExisting(id);
        try (UploadForm form = multipart.read(request)) {
            return replacements.replace(id, form, idempotency.of(request, form.fingerprintParts())).toResponse();
        }
    }
}
