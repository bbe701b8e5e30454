package dev.origo.query.metadata;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the metadata's links point: the configured public base URL (the edge when one runs), the same
 * {@code origo.public-base-url} the command-api puts in its {@code url} fields. Never the request's
 * {@code Host}: metadata is cached publicly under its URL alone, so a link built from one client's Host
 * would be served to every client after it.
 *
 * @param publicBaseUrl where clients and CDN edges reach the query-api
 */
@ConfigurationProperties("origo")
public record PublicLinks(@DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl) {

    public PublicLinks {
        String text = publicBaseUrl.toString();
        if (text.endsWith("/")) {
            publicBaseUrl = URI.create(text.substring(0, text.length() - 1));
        }
    }

    /** The base without a trailing slash, to which paths are appended. */
    String base() {
        return publicBaseUrl.toString();
    }
}
