package dev.origo.query.download;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.query.problem.AssetNotFoundException;
import dev.origo.query.problem.Ids;
import dev.origo.query.view.AssetView;
import dev.origo.query.view.AssetViews;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code GET, HEAD /assets/{id}/download}: the latest content of a public asset. */
@RestController
class DownloadController {

    private final AssetViews assets;
    private final RepresentationResponse responses;

    DownloadController(AssetViews assets, RepresentationResponse responses) {
        this.assets = assets;
        this.responses = responses;
    }

    @RequestMapping(path = "/assets/{id}/download", method = {RequestMethod.GET, RequestMethod.HEAD})
    void latest(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID assetId = Ids.parse(id);
        AssetView asset = assets.find(assetId)
                .filter(AssetView::isPubliclyVisible)
                .orElseThrow(() -> new AssetNotFoundException(assetId));
        responses.serve(request, response, Representation.of(asset.sha256(), asset.size(), asset.contentType(),
                asset.filename(), asset.contentModifiedAt(), CacheTiers.LATEST, List.of("asset-" + assetId)));
    }
}
