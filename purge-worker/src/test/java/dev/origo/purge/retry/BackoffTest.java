package dev.origo.purge.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.origo.purge.PurgeProperties;

class BackoffTest {

    private static PurgeProperties.Retry retry(double jitter) {
        return new PurgeProperties.Retry(5, Duration.ofMillis(100), 2.0, Duration.ofSeconds(1), jitter,
                Duration.ofSeconds(30));
    }

    @Nested
    class AfterFailure {

        @Test
        void doublesFromTheInitialBackoffWithoutJitter() {
            Backoff backoff = new Backoff(retry(0), () -> 0.99);
            assertThat(backoff.afterFailure(1)).isEqualTo(Duration.ofMillis(100));
            assertThat(backoff.afterFailure(2)).isEqualTo(Duration.ofMillis(200));
            assertThat(backoff.afterFailure(3)).isEqualTo(Duration.ofMillis(400));
        }

        @Test
        void isCappedAtTheMaximum() {
            Backoff backoff = new Backoff(retry(0), () -> 0.5);
            assertThat(backoff.afterFailure(5)).isEqualTo(Duration.ofSeconds(1));
            assertThat(backoff.afterFailure(60)).isEqualTo(Duration.ofSeconds(1));
        }

        @Test
        void jitterTakesARandomFractionOffTheWait() {
            assertThat(new Backoff(retry(0.5), () -> 0.0).afterFailure(2)).isEqualTo(Duration.ofMillis(200));
            assertThat(new Backoff(retry(0.5), () -> 1.0).afterFailure(2)).isEqualTo(Duration.ofMillis(100));
            assertThat(new Backoff(retry(1.0), () -> 0.25).afterFailure(2)).isEqualTo(Duration.ofMillis(150));
        }

        @Test
        void realJitterStaysWithinItsBounds() {
            Backoff backoff = new Backoff(retry(0.5));
            for (int i = 0; i < 1_000; i++) {
                assertThat(backoff.afterFailure(3)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            }
        }

        @Test
        void refusesJitterOutsideZeroToOne() {
            assertThatThrownBy(() -> new Backoff(retry(1.5))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class AfterRateLimit {

        @Test
        void waitsWhatTheCdnAskedFor() {
            Backoff backoff = new Backoff(retry(0.5), () -> 0.5);
            assertThat(backoff.afterRateLimit(1, Optional.of(Duration.ofSeconds(7)))).isEqualTo(Duration.ofSeconds(7));
        }

        @Test
        void capsARetryAfterLongerThanTheMaximum() {
            Backoff backoff = new Backoff(retry(0), () -> 0.5);
            assertThat(backoff.afterRateLimit(1, Optional.of(Duration.ofHours(1)))).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void fallsBackToTheExponentialBackoffWithoutRetryAfter() {
            Backoff backoff = new Backoff(retry(0), () -> 0.5);
            assertThat(backoff.afterRateLimit(3, Optional.empty())).isEqualTo(Duration.ofMillis(400));
        }
    }
}
