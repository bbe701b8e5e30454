/**
 * Readiness checks the services share: Kafka and S3 (PostgreSQL's is Boot's own {@code db}). Each
 * service registers the ones it depends on as beans named {@code kafka} and {@code s3} and lists them
 * in its readiness group; liveness never includes them.
 */
package dev.origo.common.health;
