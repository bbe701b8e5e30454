package dev.origo.purge.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.origo.events.EventType;
import dev.origo.events.ReadModelChange;
import dev.origo.purge.PurgeProperties;
import dev.origo.purge.provider.PurgeTargets;

/**
 * Decides what a change made stale (DESIGN §6): new content or a new version → the latest URL and
 * the metadata URL; deletion or a visibility change → everything of the asset. Versioned URLs are
 * new on publish and never need a purge then. Token changes concern private, uncached responses.
 */
@Component
class StaleTargets {

    private final String base;

    StaleTargets(PurgeProperties properties) {
        String text = properties.publicBaseUrl().toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    PurgeTargets of(ReadModelChange change) {
        EventType type = EventType.named(change.eventType()).orElse(null);
        if (type == null) {
            return new PurgeTargets(List.of(), List.of());
        }
        UUID asset = change.assetId();
        List<String> latest = List.of(base + "/assets/" + asset + "/download", base + "/assets/" + asset);
        return switch (type) {
            case ASSET_UPLOADED, ACCESS_TOKEN_ISSUED, ACCESS_TOKEN_REVOKED -> new PurgeTargets(List.of(), List.of());
            case ASSET_CONTENT_REPLACED, ASSET_PUBLISHED -> new PurgeTargets(latest, List.of());
            case ASSET_DELETED, ASSET_VISIBILITY_CHANGED -> everything(change, latest);
        };
    }

    private PurgeTargets everything(ReadModelChange change, List<String> latest) {
        List<String> urls = new ArrayList<>(latest);
        change.versionIds().forEach(version -> urls.add(base + "/assets/public/" + version));
        return new PurgeTargets(urls, List.of("asset-" + change.assetId()));
    }
}
