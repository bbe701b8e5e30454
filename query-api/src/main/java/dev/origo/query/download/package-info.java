/**
 * Content downloads: the latest, versioned and private paths, with exact RFC 9110 semantics.
 */
package dev.origo.query.download;
