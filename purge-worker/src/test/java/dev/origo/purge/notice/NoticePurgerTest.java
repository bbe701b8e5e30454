package dev.origo.purge.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.origo.events.ReadModelChange;
import dev.origo.purge.PurgeMetrics;
import dev.origo.purge.PurgeProperties;
import dev.origo.purge.ledger.PurgeLedger;
import dev.origo.purge.provider.PurgeFailure;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.provider.PurgeTargets;
import dev.origo.purge.retry.Backoff;
import dev.origo.purge.retry.RetryingSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Per notice: purged and recorded with its second purge due, or dead-lettered with the reason. */
class NoticePurgerTest {

    private static final Instant NOW = Instant.parse("2026-01-10T10:00:00Z");
    private static final UUID GOOD = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID BAD = UUID.fromString("00000000-0000-0000-0000-000000000002");

    private final PurgeLedger ledger = mock(PurgeLedger.class);
    private final DeadLetters deadLetters = mock(DeadLetters.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** Rejects (403) every request naming the BAD asset, confirms the others. */
    private final PurgeProvider cdn = new PurgeProvider() {
        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<PurgeRequest> requests(PurgeTargets targets) {
            return PurgeRequest.chunked(PurgeRequest.Kind.URLS, targets.urls(), 1);
        }

        @Override
        public Optional<String> send(PurgeRequest request) {
            if (request.values().get(0).contains(BAD.toString())) {
                throw PurgeFailure.rejected("http_403", "forbidden");
            }
            return Optional.of("id-" + request.values().get(0).length());
        }
    };

    private NoticePurger purger() {
        PurgeProperties properties = new PurgeProperties(URI.create("http://edge"), "fake", null,
                new PurgeProperties.Retry(3, Duration.ofMillis(1), 2, Duration.ofMillis(1), 0, Duration.ofSeconds(1)),
                new PurgeProperties.Repurge(Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofSeconds(30), 5),
                null);
        RetryingSender sender = new RetryingSender(new Backoff(properties.retry()), 3, d -> true, (p, f) -> { });
        return new NoticePurger(new StaleTargets(properties), cdn, sender, ledger, deadLetters,
                new PurgeMetrics(registry), properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static ReadModelChange replaced(UUID asset) {
        return new ReadModelChange(asset, 2, UUID.randomUUID(), "AssetContentReplaced", NOW.minusMillis(300), NOW,
                List.of(), List.of());
    }

    @Test
    void recordsThePurgeAndDeadLettersOnlyTheRejectedNotice() {
        ReadModelChange good = replaced(GOOD);
        ReadModelChange bad = replaced(BAD);

        purger().purge(List.of(good, bad));

        verify(ledger).purged(eq("fake"), eq(good), eq(1), any(), eq(NOW), eq(NOW.plusSeconds(2)));
        verify(ledger, never()).deadLettered(any(), eq(good), anyInt(), any(), any());
        verify(deadLetters).send(eq(BAD.toString()), any(), eq("fake"), eq("http_403"), eq("forbidden"), eq(1));
        verify(ledger).deadLettered("fake", bad, 1, "http_403", NOW);
        verify(ledger, never()).purged(any(), eq(bad), anyInt(), any(), any(), any());
        assertThat(registry.get("origo.purge.latency").tag("provider", "fake").timer().count()).isEqualTo(1);
        assertThat(registry.get("origo.purge.latency").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(300);
        assertThat(registry.get("origo.purge.dead.lettered").tag("reason", "http_403").counter().count()).isEqualTo(1);
    }

    @Test
    void touchesNeitherLedgerNorCdnForNoticesThatMakeNothingStale() {
        purger().purge(List.of(new ReadModelChange(GOOD, 1, UUID.randomUUID(), "AssetUploaded", NOW, NOW, null, null)));
        verify(ledger, never()).begin(any(), any(), any(), any());
        verify(ledger, never()).purged(any(), any(), anyInt(), any(), any(), isNull());
    }
}
