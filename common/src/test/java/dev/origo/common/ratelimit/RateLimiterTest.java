package dev.origo.common.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    /** Waits are computed in floating point and rounded up to whole nanoseconds. */
    private static final Duration ROUNDING = Duration.ofNanos(10);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private RateLimiter limiter(Rate rate) {
        return new RateLimiter(rate, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Nested
    class Buckets {

        @Test
        void grantsTheBurstAtOnceThenAsksToWaitForTheNextPermit() {
            RateLimiter limiter = limiter(new Rate(2, Duration.ofSeconds(1), 5));

            for (int i = 0; i < 5; i++) {
                assertThat(limiter.acquire("producer")).isZero();
            }

            assertThat(limiter.acquire("producer")).isEqualTo(Duration.ofMillis(500));
        }

        @Test
        void refillsEvenlyAtTheRate() {
            RateLimiter limiter = limiter(new Rate(2, Duration.ofSeconds(1), 1));
            assertThat(limiter.acquire("producer")).isZero();

            advance(Duration.ofMillis(200));
            Duration early = limiter.acquire("producer");
            advance(Duration.ofMillis(300));
            Duration onTime = limiter.acquire("producer");

            assertThat(early).isCloseTo(Duration.ofMillis(300), ROUNDING);
            assertThat(onTime).isZero();
        }

        @Test
        void savesUpNoMoreThanTheBurst() {
            RateLimiter limiter = limiter(new Rate(10, Duration.ofSeconds(1), 3));

            advance(Duration.ofHours(1));

            for (int i = 0; i < 3; i++) {
                assertThat(limiter.acquire("producer")).isZero();
            }
            assertThat(limiter.acquire("producer")).isPositive();
        }

        @Test
        void refusedRequestsTakeNothing() {
            RateLimiter limiter = limiter(Rate.of(1, Duration.ofSeconds(1)));
            limiter.acquire("producer");
            for (int i = 0; i < 10; i++) {
                limiter.acquire("producer");
            }

            advance(Duration.ofSeconds(1));

            assertThat(limiter.acquire("producer")).isZero();
        }

        @Test
        void keepsOneBucketPerClient() {
            RateLimiter limiter = limiter(Rate.of(1, Duration.ofMinutes(1)));

            assertThat(limiter.acquire("first")).isZero();
            assertThat(limiter.acquire("first")).isPositive();
            assertThat(limiter.acquire("second")).isZero();
        }

        @Test
        void aClientQuietForTheRefillTimeHasItsWholeBurstAgain() {
            RateLimiter limiter = limiter(Rate.of(2, Duration.ofSeconds(2)));
            limiter.acquire("producer");
            limiter.acquire("producer");

            advance(Duration.ofMillis(999));
            assertThat(limiter.acquire("producer")).as("a millisecond short of one permit").isCloseTo(Duration.ofMillis(1), ROUNDING);
            advance(Duration.ofSeconds(3));

            assertThat(limiter.acquire("producer")).isZero();
            assertThat(limiter.acquire("producer")).isZero();
            assertThat(limiter.acquire("producer")).isPositive();
        }
    }

    @Nested
    class RetryAfter {

        @Test
        void roundsUpToWholeSeconds() {
            assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1_001))).isEqualTo(2);
            assertThat(RateLimiter.retryAfterSeconds(Duration.ofSeconds(3))).isEqualTo(3);
        }

        @Test
        void isAtLeastOneSecond() {
            assertThat(RateLimiter.retryAfterSeconds(Duration.ofNanos(1))).isEqualTo(1);
            assertThat(RateLimiter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
        }
    }

    @Test
    void rejectsARateThatAdmitsNothing() {
        assertThatThrownBy(() -> new Rate(0, Duration.ofSeconds(1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rate(1, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
