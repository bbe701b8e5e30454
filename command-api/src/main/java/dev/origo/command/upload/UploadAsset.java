package dev.origo.command.upload;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.command.PublicUrls;
import dev.origo.command.asset.Asset;
import dev.origo.command.asset.AssetBody;
import dev.origo.command.asset.Assets;
import dev.origo.command.blob.BlobStore;
import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.IdempotentRequest;
import dev.origo.command.idempotency.Replies;
import dev.origo.command.idempotency.Reply;
import dev.origo.command.outbox.Outbox;
import dev.origo.events.AssetUploaded;
import dev.origo.events.EventEnvelope;

/**
 * Creates an asset: the blob goes to S3 first (content-addressed, so a retry or a crash leaves at
 * worst an unreferenced blob, never a row without bytes), then one transaction writes the asset row,
 * its {@code AssetUploaded} event and the reply for idempotent replay.
 */
@Service
class UploadAsset {

    private final BlobStore blobs;
    private final ContentDetector detector;
    private final Assets assets;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final Replies replies;
    private final PublicUrls urls;
    private final TransactionTemplate transaction;
    private final Clock clock;

    UploadAsset(BlobStore blobs, ContentDetector detector, Assets assets, Outbox outbox, Idempotency idempotency,
                Replies replies, PublicUrls urls, TransactionTemplate transaction, Clock clock) {
        this.blobs = blobs;
        this.detector = detector;
        this.assets = assets;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.replies = replies;
        this.urls = urls;
        this.transaction = transaction;
        this.clock = clock;
    }

    Reply upload(UploadForm form, Optional<IdempotentRequest> request) {
        return idempotency.execute(request, () -> create(form, request));
    }

    private Reply create(UploadForm form, Optional<IdempotentRequest> request) {
        SpooledFile file = form.file();
        String contentType = detector.storedType(file.path(), form.declaredType());
        blobs.store(file.sha256(), file.path(), file.size(), contentType);
        // Microseconds: what PostgreSQL keeps, so the response equals what is read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Asset asset = new Asset(UUID.randomUUID(), form.filename(), contentType, file.size(),
                file.sha256(), form.isPublic(), false, 1, now, now);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), asset.id(), asset.sequence(), now,
                new AssetUploaded(asset.filename(), asset.contentType(), asset.size(), asset.sha256(), asset.isPublic()));
        Reply reply = replies.created(urls.asset(asset.id()), asset.sequence(), AssetBody.of(asset));
        transaction.executeWithoutResult(status -> {
            assets.insert(asset);
            outbox.append(event);
            request.ifPresent(r -> idempotency.record(r, reply));
        });
        return reply;
    }
}
