package dev.origo.command.asset;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.origo.command.idempotency.Idempotency;
import dev.origo.command.idempotency.IdempotentRequest;
import dev.origo.command.idempotency.Reply;
import dev.origo.command.outbox.Outbox;
import dev.origo.events.EventEnvelope;

/**
 * Runs an {@link AssetCommand} on an existing asset: in one transaction, read the asset, let the command
 * decide, compare-and-set the asset row on its sequence, write the command's rows, append the event to
 * the outbox and record the reply for idempotent replay. A command that loses the compare-and-set to a
 * concurrent one is retried from a fresh read, a bounded number of times; the outbox's
 * UNIQUE(asset_id, sequence) is the backstop. So an asset's events are numbered 1, 2, 3… with no gap.
 */
@Service
public class AssetChanges {

    private final Assets assets;
    private final Outbox outbox;
    private final Idempotency idempotency;
    private final TransactionTemplate transaction;
    private final CommandProperties properties;
    private final Clock clock;

    AssetChanges(Assets assets, Outbox outbox, Idempotency idempotency, TransactionTemplate transaction,
                 CommandProperties properties, Clock clock) {
        this.assets = assets;
        this.outbox = outbox;
        this.idempotency = idempotency;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    /** Applies the command (or replays the reply recorded under the request's idempotency key). */
    public Reply apply(UUID assetId, Optional<IdempotentRequest> request, AssetCommand command) {
        return idempotency.execute(request, () -> applyWithRetries(assetId, request, command));
    }

    /**
     * Fails with 404 unless the asset exists: a cheap check before expensive work (spooling an upload). Deleted
     * assets pass here (the command decides, and a recorded reply may still be replayed).
     */
    public void requireExisting(UUID assetId) {
        if (assets.find(assetId).isEmpty()) {
            throw new AssetNotFoundException(assetId);
        }
    }

    /** The asset as last committed, if it exists and is not deleted. */
    public Asset requireLive(UUID assetId) {
        Asset asset = assets.find(assetId).orElseThrow(() -> new AssetNotFoundException(assetId));
        if (asset.deleted()) {
            throw new AssetDeletedException(assetId);
        }
        return asset;
    }

    private Reply applyWithRetries(UUID assetId, Optional<IdempotentRequest> request, AssetCommand command) {
        for (int attempt = 1; ; attempt++) {
            Optional<Reply> reply = transaction.execute(status -> {
                Optional<Reply> decided = attempt(assetId, request, command);
                if (decided.isEmpty()) {
                    status.setRollbackOnly();
                }
                return decided;
            });
            if (reply.isPresent()) {
                return reply.get();
            }
            if (attempt >= properties.maxAttempts()) {
                throw new ConcurrentChangeException(assetId, attempt);
            }
            pause();
        }
    }

    /** One try; empty when a concurrent command took the sequence (the transaction is then rolled back). */
    private Optional<Reply> attempt(UUID assetId, Optional<IdempotentRequest> request, AssetCommand command) {
        Asset current = requireLive(assetId);
        long sequence = current.sequence() + 1;
        // Microseconds: what PostgreSQL keeps, so the response equals what is read back later.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Change change = command.decide(current, sequence, now);
        if (change.changesNothing()) {
            request.ifPresent(r -> idempotency.record(r, change.reply()));
            return Optional.of(change.reply());
        }
        if (!assets.compareAndSet(change.next(), current.sequence())) {
            return Optional.empty();
        }
        change.writes().run();
        try {
            outbox.append(new EventEnvelope(UUID.randomUUID(), assetId, sequence, now, change.event()));
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        request.ifPresent(r -> idempotency.record(r, change.reply()));
        return Optional.of(change.reply());
    }

    private void pause() {
        long bound = Math.max(1, properties.maxBackoff().toNanos());
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(bound));
    }
}
