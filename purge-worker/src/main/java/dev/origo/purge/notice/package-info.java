/**
 * Consuming change notices and deciding which URLs and tags they made stale.
 */
package dev.origo.purge.notice;
