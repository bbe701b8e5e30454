package dev.origo.command.upload;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.origo.command.asset.Asset;
import dev.origo.command.asset.AssetBody;
import dev.origo.command.asset.AssetChanges;
import dev.origo.command.asset.Change;
import dev.origo.command.blob.BlobStore;
import dev.origo.command.idempotency.IdempotentRequest;
import dev.origo.command.idempotency.Replies;
import dev.origo.command.idempotency.Reply;
import dev.origo.events.AssetContentReplaced;

/**
 * Replaces an asset's latest content: the blob goes to S3 first (as for an upload), then the asset row
 * points at it and {@code AssetContentReplaced} is emitted. Published versions keep their blobs.
 */
@Service
class ReplaceContent {

    private final BlobStore blobs;
    private final ContentDetector detector;
    private final AssetChanges changes;
    private final Replies replies;

    ReplaceContent(BlobStore blobs, ContentDetector detector, AssetChanges changes, Replies replies) {
        this.blobs = blobs;
        this.detector = detector;
        this.changes = changes;
        this.replies = replies;
    }

    Reply replace(UUID assetId, UploadForm form, Optional<IdempotentRequest> request) {
        SpooledFile file = form.file();
        String contentType = detector.storedType(file.path(), form.declaredType());
        blobs.store(file.sha256(), file.path(), file.size(), contentType);
        return changes.apply(assetId, request, (current, sequence, now) -> {
            Asset next = current.withContent(form.filename(), contentType, file.size(), file.sha256(), sequence, now);
            return new Change(next, new AssetContentReplaced(next.filename(), next.contentType(), next.size(),
                    next.sha256()), replies.ok(sequence, AssetBody.of(next)));
        });
    }
}
