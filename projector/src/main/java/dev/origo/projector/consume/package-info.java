/**
 * Consuming {@code origo.asset-events}: the listener and its error classification.
 */
package dev.origo.projector.consume;
