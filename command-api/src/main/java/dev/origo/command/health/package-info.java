/** Readiness of the command-api's dependencies: PostgreSQL and S3. */
package dev.origo.command.health;
