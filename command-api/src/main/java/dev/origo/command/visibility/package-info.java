/**
 * {@code PATCH /assets/{id}}: makes an asset public or private.
 */
package dev.origo.command.visibility;
