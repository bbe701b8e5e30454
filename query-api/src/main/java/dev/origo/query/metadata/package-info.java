/**
 * {@code GET /assets/{id}}: asset metadata with its versions.
 */
package dev.origo.query.metadata;
