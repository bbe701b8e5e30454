package dev.origo.purge;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The purge worker.
 *
 * @param publicBaseUrl the public base URL whose paths are purged (the edge's, when one runs)
 * @param provider      which CDN to purge: {@code log}, {@code varnish}, {@code cloudflare} or {@code fastly}
 * @param batch         how notices are gathered into one purge
 * @param retry         how a failed purge request is retried before its notices are dead-lettered
 * @param repurge       the second, delayed purge that closes the window between query-api instances evicting
 * @param http          timeouts of the purge APIs
 */
@ConfigurationProperties("origo.purge")
public record PurgeProperties(
        @DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl,
        @DefaultValue("log") String provider,
        @DefaultValue Batch batch,
        @DefaultValue Retry retry,
        @DefaultValue Repurge repurge,
        @DefaultValue Http http) {

    /**
     * Batching: applied to the notice consumer in {@code purge-worker.yml} (fetch wait, max poll records).
     *
     * @param window     how long the broker may hold a fetch for more notices to join the batch
     * @param maxNotices at most this many notices per batch
     */
    public record Batch(
            @DefaultValue("50ms") Duration window,
            @DefaultValue("200") int maxNotices) {
    }

    /**
     * Retries of one purge request.
     *
     * @param maxAttempts    attempts (the first included) before the notices go to the dead-letter topic
     * @param initialBackoff wait before the second attempt; doubles (times {@code multiplier}) after each failure
     * @param multiplier     growth of the backoff per attempt
     * @param maxBackoff     cap on one backoff wait
     * @param jitter         fraction of each backoff that is random (0 = none, 1 = anywhere between 0 and the backoff)
     * @param maxRetryAfter  cap on a CDN's {@code Retry-After}: a longer wait would stall the partition
     */
    public record Retry(
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxBackoff,
            @DefaultValue("0.5") double jitter,
            @DefaultValue("60s") Duration maxRetryAfter) {
    }

    /**
     * The second purge (docs/decisions/0011).
     *
     * @param after        delay after the first purge; longer than the slowest query-api instance's eviction lag.
     *                     {@code 0s} turns the second purge off
     * @param pollInterval how often due second purges are looked up in the ledger
     * @param lease        how long a claimed second purge is left to one worker before another may take it over
     * @param maxAttempts  claims of one second purge before it is given up (recorded in the ledger)
     */
    public record Repurge(
            @DefaultValue("2s") Duration after,
            @DefaultValue("100ms") Duration pollInterval,
            @DefaultValue("30s") Duration lease,
            @DefaultValue("5") int maxAttempts) {

        public boolean enabled() {
            return !after.isZero() && !after.isNegative();
        }
    }

    /**
     * Timeouts of every purge request.
     *
     * @param connectTimeout TCP connect timeout
     * @param readTimeout    time to wait for the answer
     */
    public record Http(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout) {
    }
}
