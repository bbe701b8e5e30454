package dev.origo.purge;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The purge worker.
 *
 * @param publicBaseUrl the public base URL whose paths are purged (the edge's, when one runs)
 */
@ConfigurationProperties("origo.purge")
public record PurgeProperties(@DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl) {
}
