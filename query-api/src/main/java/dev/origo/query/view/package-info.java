/**
 * Read-model views (asset, version, token) as the query-api looks them up.
 */
package dev.origo.query.view;
