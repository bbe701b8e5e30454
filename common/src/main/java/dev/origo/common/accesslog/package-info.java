/**
 * The structured access log both APIs write: one JSON line per request (fields as SLF4J key-values).
 */
package dev.origo.common.accesslog;
