package dev.origo.query.protection;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    private final Cache<String, TokenBucket> buckets;
    private final int capacity;
    private final Duration window;
    private final Counter limited;

    PrivateLinkRateLimit(ProtectionProperties properties, MeterRegistry registry) {
        this.capacity = properties.privateLinkRate();
        this.window = properties.privateLinkWindow();
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(window.toNanos() * 2, TimeUnit.NANOSECONDS)
                .maximumSize(1_000_000)
                .build();
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
        TokenBucket bucket = buckets.get(request.getRemoteAddr(), address -> new TokenBucket(capacity, window));
        long waitNanos = bucket.tryTake(System.nanoTime());
        if (waitNanos > 0) {
            limited.increment();
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader("Retry-After", Long.toString(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1)));
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
