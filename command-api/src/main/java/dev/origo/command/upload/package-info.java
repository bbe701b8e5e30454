/**
 * {@code POST /assets/upload}: streaming multipart parsing, spooling with SHA-256, and the upload command.
 */
package dev.origo.command.upload;
