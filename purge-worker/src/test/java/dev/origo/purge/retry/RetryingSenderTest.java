package dev.origo.purge.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.origo.purge.PurgeProperties;
import dev.origo.purge.provider.PurgeFailure;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.provider.PurgeTargets;

class RetryingSenderTest {

    private static final PurgeRequest REQUEST = new PurgeRequest(PurgeRequest.Kind.URLS, List.of("http://edge/a"));

    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> failureReasons = new ArrayList<>();
    private final Backoff backoff = new Backoff(new PurgeProperties.Retry(4, Duration.ofMillis(100), 2.0,
            Duration.ofSeconds(10), 0, Duration.ofSeconds(30)), () -> 0.0);
    private final RetryingSender sender = new RetryingSender(backoff, 4, duration -> sleeps.add(duration) || true,
            (provider, failure) -> failureReasons.add(provider + ":" + failure.reason()));

    /** Answers each send with the next scripted outcome: a purge id, or a failure to throw. */
    private static final class Scripted implements PurgeProvider {
        private final Deque<Supplier<Optional<String>>> answers = new ArrayDeque<>();
        int sends;

        Scripted then(Supplier<Optional<String>> answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<PurgeRequest> requests(PurgeTargets targets) {
            return List.of();
        }

        @Override
        public Optional<String> send(PurgeRequest request) {
            sends++;
            return answers.removeFirst().get();
        }
    }

    private static Supplier<Optional<String>> fail(PurgeFailure failure) {
        return () -> {
            throw failure;
        };
    }

    @Test
    void returnsThePurgeIdOfTheFirstConfirmedAttempt() {
        Scripted cdn = new Scripted().then(() -> Optional.of("p-1"));
        SendResult result = sender.send(cdn, REQUEST);
        assertThat(result.purged()).isTrue();
        assertThat(result.purgeId()).hasValue("p-1");
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void retriesServerErrorsWithExponentialBackoff() {
        Scripted cdn = new Scripted()
                .then(fail(PurgeFailure.retriable("http_503", "busy", null)))
                .then(fail(PurgeFailure.retriable("network", "reset", null)))
                .then(() -> Optional.of("p-2"));
        SendResult result = sender.send(cdn, REQUEST);
        assertThat(result.purged()).isTrue();
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(failureReasons).containsExactly("scripted:http_503", "scripted:network");
    }

    @Test
    void waitsTheRetryAfterOfA429() {
        Scripted cdn = new Scripted()
                .then(fail(PurgeFailure.rateLimited(Duration.ofSeconds(3), "slow down")))
                .then(() -> Optional.empty());
        SendResult result = sender.send(cdn, REQUEST);
        assertThat(result.purged()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void doesNotRetryARejectedRequest() {
        Scripted cdn = new Scripted().then(fail(PurgeFailure.rejected("http_403", "forbidden")));
        SendResult result = sender.send(cdn, REQUEST);
        assertThat(result.purged()).isFalse();
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.failure().get().reason()).isEqualTo("http_403");
        assertThat(cdn.sends).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttempts() {
        Scripted cdn = new Scripted();
        for (int i = 0; i < 4; i++) {
            cdn.then(fail(PurgeFailure.retriable("http_502", "bad gateway", null)));
        }
        SendResult result = sender.send(cdn, REQUEST);
        assertThat(result.purged()).isFalse();
        assertThat(result.attempts()).isEqualTo(4);
        assertThat(result.failure().get().reason()).isEqualTo("http_502");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void stopsWaitingWhenTheWorkerStops() {
        RetryingSender stopping = new RetryingSender(backoff, 4, duration -> false, (provider, failure) -> { });
        Scripted cdn = new Scripted().then(fail(PurgeFailure.retriable("http_500", "oops", null)));
        assertThatThrownBy(() -> stopping.send(cdn, REQUEST)).isInstanceOf(RetryingSender.Stopping.class);
        assertThat(cdn.sends).isEqualTo(1);
    }
}
