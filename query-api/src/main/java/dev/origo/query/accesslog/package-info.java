/**
 * The query-api's access log: the shared {@code AccessLog} filter, and the ECS format encoded once per line.
 */
package dev.origo.query.accesslog;
