/**
 * Private links: {@code POST /assets/{id}/access-token} issues a random token (only its SHA-256 is stored),
 * {@code DELETE /assets/{id}/access-tokens/{token_id}} revokes it.
 */
package dev.origo.command.token;
