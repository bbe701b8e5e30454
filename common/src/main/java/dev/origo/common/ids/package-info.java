/**
 * Ids in request paths: canonical UUIDs, the same rule in every service (DESIGN §4: malformed ids are 400).
 */
package dev.origo.common.ids;
