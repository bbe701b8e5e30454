/**
 * The query-api's access log: the shared {@code AccessLog} filter, its lines rendered in the ECS format and written
 * to standard output in batches, and the ECS format encoded once per line for every other log event.
 */
package dev.origo.query.accesslog;
