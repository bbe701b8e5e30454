/**
 * Rebuilding the read model from the event topic into fresh tables, and switching over atomically.
 */
package dev.origo.projector.rebuild;
