/**
 * The projection: events into read tables, idempotent by (asset id, sequence), gaps refused.
 */
package dev.origo.projector.projection;
