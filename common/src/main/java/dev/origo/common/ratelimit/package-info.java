/**
 * Per-client rate limits: a token bucket per client key, and the {@code Retry-After} a refused client is told.
 */
package dev.origo.common.ratelimit;
