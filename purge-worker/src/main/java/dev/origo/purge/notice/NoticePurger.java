package dev.origo.purge.notice;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.ReadModelChange;
import dev.origo.purge.PurgeMetrics;
import dev.origo.purge.PurgeProperties;
import dev.origo.purge.ledger.PurgeLedger;
import dev.origo.purge.provider.PurgeFailure;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.retry.RetryingSender;
import dev.origo.purge.retry.SendResult;

/**
 * Purges what a batch of notices made stale: records the start in the ledger, sends the deduplicated
 * union in the provider's requests (each retried on its own), then per notice records the purge
 * (and schedules its second purge) or dead-letters it with the reason. Returns only when every
 * notice is purged or dead-lettered, so that the caller may commit the batch's offsets.
 */
@Component
class NoticePurger {

    private static final Logger log = LoggerFactory.getLogger(NoticePurger.class);

    private final EventCodec codec = new EventCodec();
    private final StaleTargets stale;
    private final PurgeProvider provider;
    private final RetryingSender sender;
    private final PurgeLedger ledger;
    private final DeadLetters deadLetters;
    private final PurgeMetrics metrics;
    private final PurgeProperties.Repurge repurge;
    private final Clock clock;

    NoticePurger(StaleTargets stale, PurgeProvider provider, RetryingSender sender, PurgeLedger ledger,
                 DeadLetters deadLetters, PurgeMetrics metrics, PurgeProperties properties, Clock clock) {
        this.stale = stale;
        this.provider = provider;
        this.sender = sender;
        this.ledger = ledger;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.repurge = properties.repurge();
        this.clock = clock;
    }

    void purge(List<ReadModelChange> notices) {
        PurgeBatch batch = PurgeBatch.of(notices, stale);
        if (batch.isEmpty()) {
            return;
        }
        String name = provider.name();
        Instant started = clock.instant();
        batch.entries().forEach(entry -> ledger.begin(name, entry.notice(), entry.targets(), started));

        List<SendResult> results = new ArrayList<>();
        for (PurgeRequest request : provider.requests(batch.union())) {
            results.add(sender.send(provider, request));
        }

        Instant done = clock.instant();
        for (PurgeBatch.Entry entry : batch.entries()) {
            List<SendResult> concerning = results.stream().filter(r -> PurgeBatch.concerns(r.request(), entry)).toList();
            int attempts = concerning.stream().mapToInt(SendResult::attempts).max().orElse(0);
            Optional<PurgeFailure> failure = concerning.stream().flatMap(r -> r.failure().stream()).findFirst();
            if (failure.isPresent()) {
                deadLetter(entry, attempts, failure.get(), done);
            } else {
                String ids = concerning.stream().flatMap(r -> r.purgeId().stream()).filter(id -> !id.isEmpty())
                        .collect(Collectors.joining(","));
                Instant due = repurge.enabled() ? done.plus(repurge.after()) : null;
                ledger.purged(name, entry.notice(), attempts, ids.isEmpty() ? null : ids, done, due);
                metrics.purged(name, entry.notice().occurredAt(), done);
            }
        }
    }

    private void deadLetter(PurgeBatch.Entry entry, int attempts, PurgeFailure failure, Instant at) {
        ReadModelChange notice = entry.notice();
        log.warn("Dead-lettering the purge of event {} (asset {}, {}) after {} attempt(s): {}", notice.eventId(),
                notice.assetId(), notice.eventType(), attempts, failure.getMessage(), failure);
        deadLetters.send(notice.assetId().toString(), codec.encode(notice), provider.name(), failure.reason(),
                failure.getMessage(), attempts);
        ledger.deadLettered(provider.name(), notice, attempts, failure.reason(), at);
        metrics.deadLettered(provider.name(), failure.reason());
    }
}
