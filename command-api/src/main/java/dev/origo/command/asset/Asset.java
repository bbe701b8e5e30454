package dev.origo.command.asset;

import java.time.Instant;
import java.util.UUID;

/** An asset as the write model holds it; {@code sequence} is the sequence of its latest event. */
public record Asset(
        UUID id,
        String filename,
        String contentType,
        long size,
        String sha256,
        boolean isPublic,
        boolean deleted,
        long sequence,
        Instant createdAt,
        Instant updatedAt) {

    /** This asset as the next event leaves it when the event changes no column (publish, tokens). */
    public Asset next(long nextSequence, Instant now) {
        return new Asset(id, filename, contentType, size, sha256, isPublic, deleted, nextSequence, createdAt, now);
    }

    public Asset withContent(String newFilename, String newContentType, long newSize, String newSha256,
                             long nextSequence, Instant now) {
        return new Asset(id, newFilename, newContentType, newSize, newSha256, isPublic, deleted, nextSequence,
                createdAt, now);
    }

    public Asset withVisibility(boolean newIsPublic, long nextSequence, Instant now) {
        return new Asset(id, filename, contentType, size, sha256, newIsPublic, deleted, nextSequence, createdAt, now);
    }

    public Asset asDeleted(long nextSequence, Instant now) {
        return new Asset(id, filename, contentType, size, sha256, isPublic, true, nextSequence, createdAt, now);
    }
}
