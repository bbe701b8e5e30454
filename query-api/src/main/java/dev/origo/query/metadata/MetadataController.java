package dev.origo.query.metadata;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.freshness.ReadYourWrites;
import dev.origo.query.http.ConditionalRequest;
import dev.origo.query.http.FieldLines;
import dev.origo.query.problem.AssetNotFoundException;
import dev.origo.query.problem.Ids;
import dev.origo.query.problem.PreconditionFailedException;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.VersionView;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET, HEAD /assets/{id}}: metadata of a public asset. Its strong ETag names the asset's sequence:
 * the body is a function of the read model at that sequence. Preconditions are evaluated by
 * {@link ConditionalRequest}, as on the content paths (RFC 9110 §13.2.2); {@code Range} does not apply.
 *
 * <p>Metadata has no {@code Last-Modified}: the read model keeps no time at which an asset's metadata last
 * changed (content, publications and visibility each have their own, or none), and the ETag is exact
 * (decision 0005). So {@code If-Unmodified-Since} and {@code If-Modified-Since} are ignored, as RFC 9110
 * §13.1.3 and §13.1.4 require of a representation without a modification date.
 */
@RestController
class MetadataController {

    private static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

    private final CachedViews views;
    private final ReadYourWrites readYourWrites;
    private final PublicLinks links;

    MetadataController(CachedViews views, ReadYourWrites readYourWrites, PublicLinks links) {
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.links = links;
    }

    /**
     * A 200 is an {@link HttpEntity}, not a {@link ResponseEntity}: Spring would run its own If-None-Match
     * check on a 200 ResponseEntity, with its own parsing, after {@link ConditionalRequest} has decided.
     */
    @RequestMapping(path = "/assets/{id}", method = {RequestMethod.GET, RequestMethod.HEAD})
    HttpEntity<AssetMetadata> metadata(@PathVariable String id, HttpServletRequest request) {
        UUID assetId = Ids.parse(id);
        AssetView asset = readYourWrites.asset(assetId, readYourWrites.minSequence(request))
                .filter(AssetView::isPubliclyVisible)
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        String etag = "\"meta-" + asset.sequence() + "\"";
        ConditionalRequest.Outcome outcome = ConditionalRequest.withoutLastModified(etag).evaluate(request.getMethod(),
                ConditionalRequest.Headers.from(name -> FieldLines.join(request.getHeaders(name))));
        HttpHeaders headers = validatorsAndCaching(etag, assetId);
        return switch (outcome) {
            case PRECONDITION_FAILED -> throw new PreconditionFailedException();
            case NOT_MODIFIED -> new ResponseEntity<>(headers, HttpStatus.NOT_MODIFIED);
            case PROCEED -> new HttpEntity<>(metadata(asset, links.base()), headers);
        };
    }

    /** What a 200 and a 304 both carry. */
    private static HttpHeaders validatorsAndCaching(String etag, UUID assetId) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CACHE_CONTROL);
        headers.set("Cache-Tag", "asset-" + assetId);
        headers.set("Surrogate-Key", "asset-" + assetId);
        return headers;
    }

    private AssetMetadata metadata(AssetView asset, String base) {
        UUID assetId = asset.assetId();
        List<AssetMetadata.Version> versions = views.versionsOf(assetId).stream()
                .map(version -> version(version, base))
                .toList();
        return new AssetMetadata(assetId, asset.filename(), asset.contentType(), asset.size(),
                '"' + asset.sha256() + '"', asset.sha256(), asset.isPublic(), asset.sequence(), asset.createdAt(),
                asset.contentModifiedAt(), base + "/assets/" + assetId + "/download", versions);
    }

    private static AssetMetadata.Version version(VersionView version, String base) {
        return new AssetMetadata.Version(version.versionId(), version.number(), '"' + version.sha256() + '"',
                version.sha256(), version.size(), version.contentType(), version.filename(), version.publishedAt(),
                base + "/assets/public/" + version.versionId());
    }
}
