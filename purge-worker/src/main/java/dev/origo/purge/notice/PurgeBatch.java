package dev.origo.purge.notice;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.origo.events.ReadModelChange;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.provider.PurgeTargets;

/**
 * The notices of one poll and what each made stale. The CDN gets their union, deduplicated: ten
 * replacements of one asset in the window cost one purge of its URLs.
 */
final class PurgeBatch {

    /** One notice and its targets (never empty). */
    record Entry(ReadModelChange notice, PurgeTargets targets) {
    }

    private final List<Entry> entries;

    private PurgeBatch(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The notices that make something stale; the others (uploads, tokens) need no purge. */
    static PurgeBatch of(List<ReadModelChange> notices, StaleTargets stale) {
        List<Entry> entries = new ArrayList<>();
        for (ReadModelChange notice : notices) {
            PurgeTargets targets = stale.of(notice);
            if (!targets.isEmpty()) {
                entries.add(new Entry(notice, targets));
            }
        }
        return new PurgeBatch(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every URL and tag once, in the order the notices named them. */
    PurgeTargets union() {
        Set<String> urls = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Entry entry : entries) {
            urls.addAll(entry.targets().urls());
            tags.addAll(entry.targets().tags());
        }
        return new PurgeTargets(List.copyOf(urls), List.copyOf(tags));
    }

    /**
     * Whether a request purges something of this entry: it names one of the entry's targets, or a
     * value derived from its asset (a provider may map URLs to the asset's key).
     */
    static boolean concerns(PurgeRequest request, Entry entry) {
        Set<String> targets = new HashSet<>(entry.targets().urls());
        targets.addAll(entry.targets().tags());
        String asset = entry.notice().assetId().toString();
        return request.values().stream().anyMatch(value -> targets.contains(value) || value.contains(asset));
    }
}
