package dev.origo.command;

import java.net.URI;
import java.util.UUID;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The public URLs handed to clients.
 *
 * @param publicBaseUrl where clients and CDN edges reach the query-api (the edge when one runs)
 */
@ConfigurationProperties("origo")
public record PublicUrls(URI publicBaseUrl) {

    public PublicUrls {
        if (publicBaseUrl == null) {
            publicBaseUrl = URI.create("http://127.0.0.1:8080");
        }
        String text = publicBaseUrl.toString();
        if (text.endsWith("/")) {
            publicBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The asset's metadata URL on the query side. */
    public URI asset(UUID id) {
        return URI.create(publicBaseUrl + "/assets/" + id);
    }

    public URI publicVersion(UUID versionId) {
        return URI.create(publicBaseUrl + "/assets/public/" + versionId);
    }

    public URI privateLink(String token) {
        return URI.create(publicBaseUrl + "/assets/private/" + token);
    }
}
