package dev.origo.query.download;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

import dev.origo.query.http.HttpDates;
import dev.origo.query.server.PrerenderedHeaders;

/**
 * One servable representation of a blob with every header value rendered once: strong ETag (the
 * quoted SHA-256 from the read model: no request ever hashes content), Last-Modified, Content-Digest,
 * a safe Content-Disposition, the tier's Cache-Control and the CDN tags. The fields every answer to a GET or
 * HEAD carries, 304s included (validators, caching, CDN tags), are also rendered to bytes, in {@code headers}.
 */
record Representation(
        String sha256,
        long length,
        String contentType,
        String etag,
        Instant lastModified,
        String contentDigest,
        String contentDisposition,
        PrerenderedHeaders headers) {

    private static final String CACHE_TAG = "Cache-Tag";
    private static final String SURROGATE_KEY = "Surrogate-Key";

    /** Types a browser would run or render as a document from this origin: always served as attachments. */
    private static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
            "text/ecmascript", "application/x-javascript");

    static Representation of(String sha256, long length, String contentType, String filename, Instant modified,
                             String cacheControl, List<String> tags) {
        Instant lastModified = modified.truncatedTo(ChronoUnit.SECONDS);
        String etag = '"' + sha256 + '"';
        return new Representation(sha256, length, contentType, etag, lastModified, digest(sha256),
                disposition(contentType, filename), headers(etag, HttpDates.format(lastModified), cacheControl, tags));
    }

    private static PrerenderedHeaders headers(String etag, String lastModified, String cacheControl,
                                              List<String> tags) {
        PrerenderedHeaders.Builder headers = PrerenderedHeaders.builder()
                .set(HttpHeaders.ETAG, etag)
                .set(HttpHeaders.LAST_MODIFIED, lastModified)
                .set(HttpHeaders.CACHE_CONTROL, cacheControl)
                .set(HttpHeaders.ACCEPT_RANGES, "bytes")
                .set("X-Content-Type-Options", "nosniff");
        if (!tags.isEmpty()) {
            headers.set(CACHE_TAG, String.join(",", tags)).set(SURROGATE_KEY, String.join(" ", tags));
        }
        return headers.build();
    }

    private static String digest(String sha256) {
        return "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":";
    }

    private static String disposition(String contentType, String filename) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        String essence = (parameters < 0 ? type : type.substring(0, parameters)).strip();
        boolean active = ACTIVE_TYPES.contains(essence) || essence.endsWith("+xml");
        ContentDisposition.Builder builder = active ? ContentDisposition.attachment() : ContentDisposition.inline();
        return builder.filename(filename, StandardCharsets.UTF_8).build().toString();
    }
}
