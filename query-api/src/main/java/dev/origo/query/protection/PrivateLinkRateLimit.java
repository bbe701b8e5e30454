package dev.origo.query.protection;

import java.io.IOException;
import java.time.Duration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.origo.common.ratelimit.Rate;
import dev.origo.common.ratelimit.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Throttles private-link lookups per client address (a token bucket each), so tokens cannot be
 * guessed at speed: past the rate, 429 with {@code Retry-After}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PrivateLinkRateLimit extends OncePerRequestFilter {

    private final RateLimiter limiter;
    private final Counter limited;

    PrivateLinkRateLimit(ProtectionProperties properties, MeterRegistry registry) {
        this.limiter = new RateLimiter(Rate.of(properties.privateLinkRate(), properties.privateLinkWindow()));
        this.limited = Counter.builder("origo.protection.rate_limited")
                .description("Private-link requests refused by the per-client rate limit")
                .register(registry);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/assets/private/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = limiter.acquire(request.getRemoteAddr());
        if (!wait.isZero()) {
            limited.increment();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(RateLimiter.retryAfterSeconds(wait)));
            response.setHeader("Cache-Control", "private, no-store, no-cache, must-revalidate");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"https://origo.dev/problems/rate-limited\","
                    + "\"title\":\"Too many requests\",\"status\":429,"
                    + "\"detail\":\"Too many private-link lookups from this client; retry later.\"}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
