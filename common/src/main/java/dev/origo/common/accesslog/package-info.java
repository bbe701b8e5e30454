/**
 * The structured access log both APIs write: one line per request ({@code AccessLine}), by default as an event of
 * the {@code origo.access} logger with its fields as SLF4J key-values (JSON fields in structured logging).
 */
package dev.origo.common.accesslog;
