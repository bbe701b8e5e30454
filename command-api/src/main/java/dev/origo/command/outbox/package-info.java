/**
 * The transactional outbox: events are rows committed with the write-model change they describe.
 */
package dev.origo.command.outbox;
