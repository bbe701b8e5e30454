package dev.origo.command.asset;

import java.time.Instant;
import java.util.UUID;

/** The JSON body answering an upload or a content replacement (DESIGN §4), snake_case on the wire. */
public record AssetBody(
        UUID id,
        String filename,
        String contentType,
        long size,
        String etag,
        String sha256,
        boolean isPublic,
        long sequence,
        Instant createdAt) {

    public static AssetBody of(Asset asset) {
        return new AssetBody(asset.id(), asset.filename(), asset.contentType(), asset.size(),
                '"' + asset.sha256() + '"', asset.sha256(), asset.isPublic(), asset.sequence(), asset.createdAt());
    }
}
