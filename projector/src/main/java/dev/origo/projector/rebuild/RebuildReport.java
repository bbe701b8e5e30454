package dev.origo.projector.rebuild;

import java.time.Duration;

/** What a rebuild did: events applied (duplicates included), unreadable events skipped, time taken. */
public record RebuildReport(long events, long unreadable, Duration took) {
}
