package dev.origo.command.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.origo.common.ratelimit.Rate;

/**
 * Per-client rate limits: a safety net against a runaway client, not a quota. The defaults stay far above what
 * one producer's honest batch needs; past them a request gets 429 with {@code Retry-After} before it does any work.
 *
 * @param enabled  whether commands are limited at all
 * @param per      whose budget a request spends: its producer's, its client address's, or that pair's
 * @param uploads  the budget of {@code POST /assets/upload} and {@code PUT /assets/{id}/content}
 * @param commands the budget of every other command (publish, visibility, delete, tokens)
 */
@ConfigurationProperties("origo.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("producer") ClientKey per,
        @DefaultValue Uploads uploads,
        @DefaultValue Commands commands) {

    /**
     * @param rate   uploads per {@code period} in the long run
     * @param burst  uploads a quiet client may send at once
     * @param period the period of {@code rate}
     */
    public record Uploads(
            @DefaultValue("100") int rate,
            @DefaultValue("1000") int burst,
            @DefaultValue("1s") Duration period) {

        Rate toRate() {
            return new Rate(rate, period, burst);
        }
    }

    /**
     * @param rate   commands per {@code period} in the long run
     * @param burst  commands a quiet client may send at once
     * @param period the period of {@code rate}
     */
    public record Commands(
            @DefaultValue("500") int rate,
            @DefaultValue("2000") int burst,
            @DefaultValue("1s") Duration period) {

        Rate toRate() {
            return new Rate(rate, period, burst);
        }
    }
}
