/**
 * The structured access log: one JSON line per request.
 */
package dev.origo.command.accesslog;
