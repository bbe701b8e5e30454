/**
 * Content-addressed blob storage in S3: {@code blobs/sha256/<hex>}, written once, never overwritten.
 */
package dev.origo.command.blob;
