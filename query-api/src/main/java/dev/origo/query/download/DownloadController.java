package dev.origo.query.download;

import java.io.IOException;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.freshness.ReadYourWrites;
import dev.origo.query.problem.AssetNotFoundException;
import dev.origo.query.problem.Ids;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.VersionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public content paths: latest content and published versions. Well-formed GET and HEAD requests
 * reach these methods through {@link DirectDownloads}, before MVC's dispatch; the mappings answer the rest.
 */
@RestController
class DownloadController {

    static final String LATEST = "/assets/{id}/download";
    static final String VERSION = "/assets/public/{versionId}";

    private final CachedViews views;
    private final ReadYourWrites readYourWrites;
    private final RepresentationResponse responses;
    private final Representations representations;

    DownloadController(CachedViews views, ReadYourWrites readYourWrites, RepresentationResponse responses,
                       Representations representations) {
        this.views = views;
        this.readYourWrites = readYourWrites;
        this.responses = responses;
        this.representations = representations;
    }

    /** {@code GET, HEAD /assets/{id}/download}: the latest content of a public asset. */
    @RequestMapping(path = LATEST, method = {RequestMethod.GET, RequestMethod.HEAD})
    void latest(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID assetId = Ids.parse(id);
        AssetView asset = readYourWrites.asset(assetId, readYourWrites.minSequence(request))
                .filter(AssetView::isPubliclyVisible)
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        responses.serve(request, response, representations.latest(asset));
    }

    /** {@code GET, HEAD /assets/public/{version_id}}: a published version of a public asset, immutable. */
    @RequestMapping(path = VERSION, method = {RequestMethod.GET, RequestMethod.HEAD})
    void version(@PathVariable String versionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UUID id = Ids.parse(versionId);
        VersionView version = readYourWrites.related(readYourWrites.minSequence(request),
                        () -> views.version(id), () -> views.freshVersion(id), VersionView::assetId)
                .orElseThrow(() -> new AssetNotFoundException(id));
        views.asset(version.assetId())
                .filter(AssetView::isPubliclyVisible)
                .orElseThrow(() -> new AssetNotFoundException(id));
        responses.serve(request, response, representations.version(version));
    }
}
