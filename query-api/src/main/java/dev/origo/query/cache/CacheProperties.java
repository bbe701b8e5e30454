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
 * @param chunks              aligned chunks of larger blobs, from which ranges are served
 * @param noticeGroupId       this instance's own consumer group on {@code origo.read-model-changes}
 */
@ConfigurationProperties("origo.cache")
public record CacheProperties(
        @DefaultValue("100000") long maximumViews,
        @DefaultValue("10m") Duration viewTtl,
        @DefaultValue("2s") Duration negativeTtl,
        @DefaultValue("256KB") DataSize smallBodyThreshold,
        @DefaultValue("64MB") DataSize smallBodyCapacity,
        @DefaultValue Chunks chunks,
        String noticeGroupId) {

    /**
     * The range cache ({@link BlobChunks}): blobs above the small-body threshold, cut at multiples of
     * {@code size}, each chunk fetched from S3 once with a ranged {@code GetObject}.
     *
     * @param size     bytes per chunk; under half a G1 region (1 MB at {@code -Xmx512m}), so that a chunk is
     *                 an ordinary object rather than a humongous one
     * @param capacity total bytes of cached chunks; {@code 0} turns the range cache off
     * @param maxRange ranges (all parts of a multipart range together) longer than this stream from S3
     *                 instead, so that one large range cannot sweep the cache
     */
    public record Chunks(
            @DefaultValue("256KB") DataSize size,
            @DefaultValue("64MB") DataSize capacity,
            @DefaultValue("2MB") DataSize maxRange) {

        public Chunks {
            if (size.toBytes() < 1 || size.toBytes() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("origo.cache.chunks.size must be 1 byte to 2 GB: " + size);
            }
        }
    }
}
