/**
 * {@code POST /assets/{id}/publish}: freezes the current content as an immutable version that points at its blob.
 */
package dev.origo.command.publish;
