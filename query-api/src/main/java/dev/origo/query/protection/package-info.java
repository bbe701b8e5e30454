/**
 * Origin protection: client ranges, the edge's shared secret, and private-link rate limits.
 */
package dev.origo.query.protection;
