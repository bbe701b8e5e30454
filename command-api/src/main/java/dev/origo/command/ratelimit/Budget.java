package dev.origo.command.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import dev.origo.common.ratelimit.Rate;
import dev.origo.common.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** One kind of request's limit: a token bucket per client, and a count of the requests it refused. */
final class Budget {

    private final String kind;
    private final RateLimiter limiter;
    private final Counter refused;

    Budget(String kind, Rate rate, MeterRegistry registry) {
        this(kind, rate, registry, System::nanoTime);
    }

    Budget(String kind, Rate rate, MeterRegistry registry, LongSupplier nanoClock) {
        this.kind = kind;
        this.limiter = new RateLimiter(rate, nanoClock);
        this.refused = Counter.builder("origo.command.rate_limited").tag("kind", kind)
                .description("Commands refused with 429 by the per-client rate limit")
                .register(registry);
    }

    /** Spends one request of {@code client}'s budget, or throws {@link RateLimitedException} when it is spent. */
    void spend(String client) {
        Duration wait = limiter.acquire(client);
        if (!wait.isZero()) {
            refused.increment();
            throw new RateLimitedException(kind, RateLimiter.retryAfterSeconds(wait));
        }
    }
}
