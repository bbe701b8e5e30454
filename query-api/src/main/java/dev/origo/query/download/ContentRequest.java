package dev.origo.query.download;

import dev.origo.query.problem.Ids;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A well-formed {@code GET} or {@code HEAD} request of one of the public content paths, with a canonical UUID in
 * place: the requests that {@link DirectDownloads} answers before MVC's dispatch and {@link ContentRequestMetrics}
 * times. Anything else (other methods, other paths, ids that are not exactly a canonical UUID) is not one.
 *
 * @param latest  whether it names an asset's latest content ({@code /assets/<uuid>/download}) rather than a
 *                published version ({@code /assets/public/<uuid>})
 * @param id      the UUID as it appears in the path
 */
record ContentRequest(boolean latest, String id) {

    private static final String ASSETS = "/assets/";
    private static final String DOWNLOAD = "/download";
    private static final String PUBLIC = "/assets/public/";
    private static final int UUID_LENGTH = 36;

    /** The content request this is, or null. */
    static ContentRequest of(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        String uri = request.getRequestURI();
        String latest = id(uri, ASSETS, DOWNLOAD);
        if (latest != null) {
            return new ContentRequest(true, latest);
        }
        String version = id(uri, PUBLIC, "");
        return version == null ? null : new ContentRequest(false, version);
    }

    /** The mapping's pattern, as MVC's handler mapping records it for the request metrics' {@code uri} tag. */
    String pattern() {
        return latest ? DownloadController.LATEST : DownloadController.VERSION;
    }

    /** The canonical UUID between {@code prefix} and {@code suffix} when that is the whole path, else null. */
    private static String id(String uri, String prefix, String suffix) {
        if (uri.length() != prefix.length() + UUID_LENGTH + suffix.length() || !uri.startsWith(prefix)
                || !uri.endsWith(suffix)) {
            return null;
        }
        String id = uri.substring(prefix.length(), prefix.length() + UUID_LENGTH);
        return Ids.isCanonical(id) ? id : null;
    }
}
