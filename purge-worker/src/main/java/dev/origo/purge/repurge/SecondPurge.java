package dev.origo.purge.repurge;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.origo.purge.PurgeMetrics;
import dev.origo.purge.PurgeProperties;
import dev.origo.purge.ledger.PurgeLedger;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.provider.PurgeTargets;
import dev.origo.purge.retry.RetryingSender;
import dev.origo.purge.retry.SendResult;

/**
 * Every {@code origo.purge.repurge.poll-interval}, claims the second purges that are due and sends
 * them (deduplicated). A failed one stays claimed until its lease runs out and is then tried again,
 * up to {@code max-attempts} claims.
 */
@Component
class SecondPurge {

    private static final Logger log = LoggerFactory.getLogger(SecondPurge.class);
    private static final int CLAIM_LIMIT = 500;

    private final PurgeLedger ledger;
    private final PurgeProvider provider;
    private final RetryingSender sender;
    private final PurgeMetrics metrics;
    private final PurgeProperties.Repurge repurge;
    private final Clock clock;

    SecondPurge(PurgeLedger ledger, PurgeProvider provider, RetryingSender sender, PurgeMetrics metrics,
                PurgeProperties properties, Clock clock) {
        this.ledger = ledger;
        this.provider = provider;
        this.sender = sender;
        this.metrics = metrics;
        this.repurge = properties.repurge();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${origo.purge.repurge.poll-interval:100ms}")
    void sendDue() {
        if (!repurge.enabled()) {
            return;
        }
        Instant now = clock.instant();
        List<PurgeLedger.DueRepurge> due = ledger.claimDueRepurges(provider.name(), now, now.plus(repurge.lease()),
                repurge.maxAttempts(), CLAIM_LIMIT);
        if (due.isEmpty()) {
            return;
        }
        Set<String> urls = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        due.forEach(d -> {
            urls.addAll(d.targets().urls());
            tags.addAll(d.targets().tags());
        });
        boolean purged = true;
        for (PurgeRequest request : provider.requests(new PurgeTargets(List.copyOf(urls), List.copyOf(tags)))) {
            SendResult result = sender.send(provider, request);
            if (!result.purged()) {
                purged = false;
                log.warn("Second purge of {} failed; retried after {}", request.values(), repurge.lease(),
                        result.failure().get());
            }
        }
        if (purged) {
            ledger.repurged(provider.name(), due.stream().map(PurgeLedger.DueRepurge::eventId).toList(), clock.instant());
        }
        metrics.repurge(provider.name(), purged, due.size());
    }
}
