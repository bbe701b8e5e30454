package dev.origo.command.upload;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.command.asset.Asset;
import dev.origo.command.asset.Assets;
import dev.origo.command.blob.BlobStore;
import dev.origo.command.outbox.Outbox;
import dev.origo.events.AssetUploaded;
import dev.origo.events.EventEnvelope;

/**
 * Creates an asset: the blob goes to S3 first (content-addressed, so a retry or a crash leaves at
 * worst an unreferenced blob, never a row without bytes), then one transaction writes the asset row
 * and its {@code AssetUploaded} event.
 */
@Service
class UploadAsset {

    private final BlobStore blobs;
    private final Assets assets;
    private final Outbox outbox;
    private final TransactionTemplate transaction;
    private final Clock clock;

    UploadAsset(BlobStore blobs, Assets assets, Outbox outbox, TransactionTemplate transaction, Clock clock) {
        this.blobs = blobs;
        this.assets = assets;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
    }

    Asset upload(UploadForm form) {
        SpooledFile file = form.file();
        blobs.store(file.sha256(), file.path(), file.size(), form.contentType());
        // Microseconds: what PostgreSQL keeps, so the response equals what is read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Asset asset = new Asset(UUID.randomUUID(), form.filename(), form.contentType(), file.size(),
                file.sha256(), form.isPublic(), false, 1, now, now);
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), asset.id(), asset.sequence(), now,
                new AssetUploaded(asset.filename(), asset.contentType(), asset.size(), asset.sha256(), asset.isPublic()));
        transaction.executeWithoutResult(status -> {
            assets.insert(asset);
            outbox.append(event);
        });
        return asset;
    }
}
