package dev.origo.query.metadata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code GET /assets/{id}}: the latest content, the published versions and the visibility (snake_case on the wire). */
record AssetMetadata(
        UUID id,
        String filename,
        String contentType,
        long size,
        String etag,
        String sha256,
        boolean isPublic,
        long sequence,
        Instant createdAt,
        Instant updatedAt,
        String downloadUrl,
        List<Version> versions) {

    record Version(UUID versionId, int versionNumber, String etag, String sha256, long size, String contentType,
                   String filename, Instant publishedAt, String url) {
    }
}
