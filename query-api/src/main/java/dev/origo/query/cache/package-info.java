/**
 * Caffeine caches of views and small bodies, evicted by the projector's change notices.
 */
package dev.origo.query.cache;
