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
}
