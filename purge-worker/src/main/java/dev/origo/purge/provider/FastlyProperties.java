package dev.origo.purge.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code fastly} provider.
 *
 * @param api       the API's base URL
 * @param serviceId the service whose cache is purged
 * @param apiKey    an API token with purge scope (sent as {@code Fastly-Key})
 * @param softPurge mark content stale instead of removing it ({@code Fastly-Soft-Purge: 1})
 * @param chunkSize surrogate keys per request (Fastly accepts at most 256)
 */
@ConfigurationProperties("origo.purge.fastly")
public record FastlyProperties(
        @DefaultValue("https://api.fastly.com") String api,
        String serviceId,
        String apiKey,
        @DefaultValue("false") boolean softPurge,
        @DefaultValue("256") int chunkSize) {
}
