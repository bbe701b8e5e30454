package dev.origo.command.upload;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The multipart form of an upload, for the OpenAPI description only: the form is parsed by {@link MultipartUpload}.
 *
 * @param file     the file; its part's {@code Content-Type} is the declared type, its {@code filename} is sanitized
 * @param isPublic whether the asset is served on the public paths (default true; ignored when replacing content)
 */
record UploadFormSchema(
        @Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED) String file,
        @Schema(name = "is_public", defaultValue = "true") Boolean isPublic) {
}
