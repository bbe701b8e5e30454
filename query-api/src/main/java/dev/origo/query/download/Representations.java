package dev.origo.query.download;

import java.util.List;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.origo.query.view.AssetView;
import dev.origo.query.view.VersionView;

/**
 * The {@link Representation} of each cached view, rendered once rather than per request (its
 * Last-Modified date, Content-Digest, Content-Disposition and tags cost more than the rest of the
 * handler). Keyed by the view <em>instance</em> (weak keys compare by identity): a view the view
 * caches replace or evict is a new key, so a rendering can never outlive the view it came from,
 * and entries go with their views.
 */
@Component
class Representations {

    /** Bounds each cache like the view caches; weak keys release entries earlier. */
    private static final long MAXIMUM = 100_000;

    private final Cache<AssetView, Representation> latest = cache();
    private final Cache<VersionView, Representation> versions = cache();
    private final Cache<AssetView, Representation> privateLinks = cache();

    Representation latest(AssetView asset) {
        return latest.get(asset, view -> of(view, CacheTiers.LATEST, List.of("asset-" + view.assetId())));
    }

    Representation version(VersionView version) {
        return versions.get(version, view -> Representation.of(view.sha256(), view.size(), view.contentType(),
                view.filename(), view.publishedAt(), CacheTiers.IMMUTABLE,
                List.of("asset-" + view.assetId(), "version-" + view.versionId())));
    }

    Representation privateLink(AssetView asset) {
        return privateLinks.get(asset, view -> of(view, CacheTiers.PRIVATE, List.of()));
    }

    private static Representation of(AssetView asset, String cacheControl, List<String> tags) {
        return Representation.of(asset.sha256(), asset.size(), asset.contentType(), asset.filename(),
                asset.contentModifiedAt(), cacheControl, tags);
    }

    private static <K> Cache<K, Representation> cache() {
        return Caffeine.newBuilder().weakKeys().maximumSize(MAXIMUM).build();
    }
}
