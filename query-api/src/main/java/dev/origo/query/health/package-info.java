/**
 * Readiness of the query-api's dependencies: PostgreSQL (Boot's own), Kafka and S3.
 */
package dev.origo.query.health;
