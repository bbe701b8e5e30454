/**
 * {@code Idempotency-Key}: the reply of a command recorded in its own transaction, replayed for a retry of
 * the same request, 422 for a different one; plus the replies themselves and the request fingerprints.
 */
package dev.origo.command.idempotency;
