/** Readiness of this service's dependencies: PostgreSQL and Kafka. */
package dev.origo.projector.health;
