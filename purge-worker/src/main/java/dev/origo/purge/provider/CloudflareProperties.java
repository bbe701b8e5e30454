package dev.origo.purge.provider;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code cloudflare} provider.
 *
 * @param api       the API's base URL
 * @param zoneId    the zone whose cache is purged
 * @param apiToken  an API token with the Cache Purge permission (sent as {@code Authorization: Bearer})
 * @param chunkSize URLs or tags per request; Cloudflare's per-request limits differ by purge type and plan
 */
@ConfigurationProperties("origo.purge.cloudflare")
public record CloudflareProperties(
        @DefaultValue("https://api.cloudflare.com") String api,
        String zoneId,
        String apiToken,
        @DefaultValue("30") int chunkSize) {
}
