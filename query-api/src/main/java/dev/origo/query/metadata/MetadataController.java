package dev.origo.query.metadata;

import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.freshness.ReadYourWrites;
import dev.origo.query.problem.AssetNotFoundException;
import dev.origo.query.problem.Ids;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.VersionView;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /assets/{id}}: metadata of a public asset. Its strong ETag names the asset's sequence:
 * the body is a function of the read model at that sequence. Spring answers If-None-Match with 304
 * (keeping Cache-Control and the tags) from the ETag of the returned entity.
 */
@RestController
class MetadataController {

    private final CachedViews views;
    private final ReadYourWrites readYourWrites;

    MetadataController(CachedViews views, ReadYourWrites readYourWrites) {
        this.views = views;
        this.readYourWrites = readYourWrites;
    }

    @GetMapping("/assets/{id}")
    ResponseEntity<AssetMetadata> metadata(@PathVariable String id, HttpServletRequest request) {
        UUID assetId = Ids.parse(id);
        AssetView asset = readYourWrites.asset(assetId, readYourWrites.minSequence(request))
                .filter(AssetView::isPubliclyVisible)
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        String etag = "\"meta-" + asset.sequence() + "\"";
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(60)).cachePublic())
                .header("Cache-Tag", "asset-" + assetId)
                .header("Surrogate-Key", "asset-" + assetId);
        String base = baseUrl(request);
        List<AssetMetadata.Version> versions = views.versionsOf(assetId).stream()
                .map(version -> version(version, base))
                .toList();
        return ok.body(new AssetMetadata(assetId, asset.filename(), asset.contentType(), asset.size(),
                '"' + asset.sha256() + '"', asset.sha256(), asset.isPublic(), asset.sequence(), asset.createdAt(),
                asset.contentModifiedAt(), base + "/assets/" + assetId + "/download", versions));
    }

    private static AssetMetadata.Version version(VersionView version, String base) {
        return new AssetMetadata.Version(version.versionId(), version.number(), '"' + version.sha256() + '"',
                version.sha256(), version.size(), version.contentType(), version.filename(), version.publishedAt(),
                base + "/assets/public/" + version.versionId());
    }

    /** Links are relative to where the client reached us (an edge forwards its own Host). */
    private static String baseUrl(HttpServletRequest request) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(request)
                .build().toUriString();
    }
}
