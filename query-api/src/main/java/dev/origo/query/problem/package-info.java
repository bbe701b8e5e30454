/**
 * RFC 9457 problem responses of the query-api and the exceptions that lead to them.
 */
package dev.origo.query.problem;
