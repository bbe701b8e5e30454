/**
 * The purge ledger (schema {@code purge}): what was purged for which event, how often it was tried,
 * how it ended, and the second purge that follows each first one.
 */
package dev.origo.purge.ledger;
