/**
 * The generated OpenAPI description ({@code /v3/api-docs}): API info, the bearer scheme, and what every command
 * shares (the {@code Idempotency-Key} header, problem responses), added in one place.
 */
package dev.origo.command.openapi;
