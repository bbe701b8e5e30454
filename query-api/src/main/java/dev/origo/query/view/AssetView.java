package dev.origo.query.view;

import java.time.Instant;
import java.util.UUID;

/** The read model's view of an asset's latest state. */
public record AssetView(
        UUID assetId,
        String filename,
        String contentType,
        long size,
        String sha256,
        boolean isPublic,
        boolean deleted,
        int latestVersion,
        Instant createdAt,
        Instant contentModifiedAt,
        long sequence) {

    /** Visible on the public paths: public and not deleted. */
    public boolean isPubliclyVisible() {
        return isPublic && !deleted;
    }
}
