/**
 * RFC 9457 problem responses: typed exceptions mapped in one place, stable type URIs.
 */
package dev.origo.command.problem;
