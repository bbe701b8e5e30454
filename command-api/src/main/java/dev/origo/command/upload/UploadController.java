package dev.origo.command.upload;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.origo.command.PublicUrls;
import dev.origo.command.asset.Asset;
import dev.origo.command.asset.AssetBody;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class UploadController {

    private final MultipartUpload multipart;
    private final UploadAsset uploads;
    private final PublicUrls urls;

    UploadController(MultipartUpload multipart, UploadAsset uploads, PublicUrls urls) {
        this.multipart = multipart;
        this.uploads = uploads;
        this.urls = urls;
    }

    /** {@code POST /assets/upload}: multipart {@code file} and optional {@code is_public} (default true). */
    @PostMapping("/assets/upload")
    ResponseEntity<AssetBody> upload(HttpServletRequest request) throws IOException {
        try (UploadForm form = multipart.read(request)) {
            Asset asset = uploads.upload(form);
            URI location = urls.asset(asset.id());
            return ResponseEntity.created(location).body(AssetBody.of(asset));
        }
    }
}
