/**
 * Sending one purge request until the CDN confirmed it: exponential backoff with jitter on 5xx and
 * network errors, the CDN's {@code Retry-After} on 429, no retry on other 4xx.
 */
package dev.origo.purge.retry;
