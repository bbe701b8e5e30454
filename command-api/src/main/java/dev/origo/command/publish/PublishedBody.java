package dev.origo.command.publish;

import java.net.URI;
import java.util.UUID;

/**
 * The 201 body of a publish (DESIGN §4, plus {@code sequence}: docs/decisions/0001-sequence-in-every-reply.md).
 *
 * @param versionId     the new version's id
 * @param versionNumber 1 for the first version of the asset, +1 for each later one
 * @param etag          the strong ETag of the version's bytes, quoted, as sent in headers
 * @param url           where the version is served forever: {@code <public base url>/assets/public/<version_id>}
 * @param sequence      the asset's sequence after the publish
 */
record PublishedBody(UUID versionId, int versionNumber, String etag, URI url, long sequence) {
}
