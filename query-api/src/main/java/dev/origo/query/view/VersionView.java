package dev.origo.query.view;

import java.time.Instant;
import java.util.UUID;

/** The read model's view of a published version: immutable once projected. */
public record VersionView(
        UUID versionId,
        UUID assetId,
        int number,
        String sha256,
        long size,
        String contentType,
        String filename,
        Instant publishedAt,
        long sequence) {
}
