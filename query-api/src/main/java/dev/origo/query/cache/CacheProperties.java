package dev.origo.query.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The query-api's Caffeine caches.
 *
 * @param maximumViews        entries per view cache (assets, versions, version lists, tokens)
 * @param viewTtl             safety-net lifetime of a cached view; change notices evict long before
 * @param negativeTtl         lifetime of a cached "no such id", so floods of unknown ids don't reach PostgreSQL
 * @param smallBodyThreshold  blobs up to this size are served from memory
 * @param smallBodyCapacity   total bytes of the small-body cache (weighed by blob size)
 * @param noticeGroupId       this instance's own consumer group on {@code origo.read-model-changes}
 */
@ConfigurationProperties("origo.cache")
public record CacheProperties(
        @DefaultValue("100000") long maximumViews,
        @DefaultValue("10m") Duration viewTtl,
        @DefaultValue("2s") Duration negativeTtl,
        @DefaultValue("256KB") DataSize smallBodyThreshold,
        @DefaultValue("64MB") DataSize smallBodyCapacity,
        String noticeGroupId) {
}
