package dev.origo.query.cache;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.origo.events.ReadModelChange;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.AssetViews;
import dev.origo.query.view.TokenView;
import dev.origo.query.view.VersionView;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The read model as the request path sees it: Caffeine in front of PostgreSQL, evicted by change
 * notices (which arrive only after the read model committed, so an eviction never re-caches old state).
 */
@Component
public class CachedViews {

    private final AssetViews views;
    private final ViewCache<UUID, AssetView> assets;
    private final ViewCache<UUID, VersionView> versions;
    private final ViewCache<UUID, List<VersionView>> versionLists;
    private final ViewCache<String, TokenView> tokens;

    CachedViews(AssetViews views, CacheProperties properties, MeterRegistry registry) {
        this.views = views;
        this.assets = new ViewCache<>("asset_views", properties, registry);
        this.versions = new ViewCache<>("version_views", properties, registry);
        this.versionLists = new ViewCache<>("version_lists", properties, registry);
        this.tokens = new ViewCache<>("token_views", properties, registry);
    }

    public Optional<AssetView> asset(UUID assetId) {
        return assets.get(assetId, views::asset);
    }

    /** Reads the asset from PostgreSQL, bypassing and refreshing the cache (for read-your-writes waits). */
    public Optional<AssetView> freshAsset(UUID assetId) {
        Optional<AssetView> fresh = views.asset(assetId);
        assets.put(assetId, fresh);
        return fresh;
    }

    public Optional<VersionView> version(UUID versionId) {
        return versions.get(versionId, views::version);
    }

    /** Reads the version from PostgreSQL, bypassing and refreshing the cache. */
    public Optional<VersionView> freshVersion(UUID versionId) {
        Optional<VersionView> fresh = views.version(versionId);
        versions.put(versionId, fresh);
        return fresh;
    }

    public List<VersionView> versionsOf(UUID assetId) {
        return versionLists.get(assetId, id -> Optional.of(views.versionsOf(id))).orElseThrow();
    }

    public Optional<TokenView> token(String tokenSha256) {
        return tokens.get(tokenSha256, views::token);
    }

    /** Reads the token from PostgreSQL, bypassing and refreshing the cache. */
    public Optional<TokenView> freshToken(String tokenSha256) {
        Optional<TokenView> fresh = views.token(tokenSha256);
        tokens.put(tokenSha256, fresh);
        return fresh;
    }

    /** Forgets every view the change touched. Harmless when repeated. */
    public void evict(ReadModelChange change) {
        assets.evict(change.assetId());
        versionLists.evict(change.assetId());
        change.versionIds().forEach(versions::evict);
        change.tokenSha256s().forEach(tokens::evict);
    }
}
