/**
 * Per-client rate limits on commands: uploads and other commands each against their own budget, 429 past it.
 */
package dev.origo.command.ratelimit;
