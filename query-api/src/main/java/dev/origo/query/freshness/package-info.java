/**
 * Read-your-writes: {@code X-Min-Sequence} waits, boundedly, for the read model to catch up.
 */
package dev.origo.query.freshness;
