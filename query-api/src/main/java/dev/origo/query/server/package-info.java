/**
 * The embedded HTTP server's settings that Boot's properties do not cover.
 */
package dev.origo.query.server;
