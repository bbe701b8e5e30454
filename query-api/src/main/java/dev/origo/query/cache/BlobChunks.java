package dev.origo.query.cache;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * The range cache: blobs above the small-body threshold cut into aligned chunks (bytes
 * {@code i·size .. (i+1)·size-1}), weighed by size and keyed by (SHA-256, index). A key names exactly
 * one content, so a chunk can never be stale; only the memory bound evicts. A range is served from
 * the chunks it touches; a missing chunk is read from S3 once, by the first request that needs it,
 * while concurrent requests for the same chunk wait for that read instead of starting their own.
 */
@Component
public class BlobChunks {

    private final AsyncCache<Key, byte[]> chunks;
    private final long size;
    private final long maxRange;
    private final boolean enabled;

    @Autowired
    BlobChunks(CacheProperties properties, MeterRegistry registry) {
        this(properties.chunks());
        CaffeineCacheMetrics.monitor(registry, chunks, "blob_chunks");
    }

    /** Without metrics (tests). */
    BlobChunks(CacheProperties.Chunks properties) {
        this.size = properties.size().toBytes();
        this.maxRange = properties.maxRange().toBytes();
        this.enabled = properties.capacity().toBytes() >= size;
        this.chunks = Caffeine.newBuilder()
                .maximumWeight(properties.capacity().toBytes())
                .weigher((Key key, byte[] bytes) -> bytes.length)
                .recordStats()
                .buildAsync();
    }

    /** Reads bytes {@code first..last} (inclusive) of a blob: exactly that many, or an unchecked exception. */
    @FunctionalInterface
    public interface Source {
        byte[] read(String sha256, long first, long last);
    }

    /** Whether a range of this many bytes (all parts together) is served from chunks. */
    public boolean serves(long rangeLength) {
        return enabled && rangeLength <= maxRange;
    }

    /** Whether every chunk under bytes {@code first..last} is cached (not counted as a hit or miss). */
    public boolean contains(String sha256, long first, long last) {
        for (long index = first / size; index <= last / size; index++) {
            CompletableFuture<byte[]> chunk = chunks.asMap().get(new Key(sha256, index));
            if (chunk == null || !chunk.isDone()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes bytes {@code first..last} (inclusive) of the blob of {@code blobLength} bytes to {@code out},
     * reading the chunks it lacks from {@code source}. A failed read is thrown (and not cached) before
     * anything of that chunk is written.
     */
    public void copy(String sha256, long blobLength, long first, long last, OutputStream out, Source source)
            throws IOException {
        for (long index = first / size; index <= last / size; index++) {
            long chunkStart = index * size;
            byte[] chunk = chunk(new Key(sha256, index), Math.min(chunkStart + size, blobLength) - 1, source);
            int from = (int) (Math.max(first, chunkStart) - chunkStart);
            int to = (int) (Math.min(last, chunkStart + chunk.length - 1) - chunkStart);
            out.write(chunk, from, to - from + 1);
        }
    }

    /**
     * The chunk, read on this thread when it is missing. Caffeine's synchronous {@code get(key, loader)}
     * would hold a lock of its hash table across the S3 read (blocking other keys of that bin); a future
     * put in its place lets waiters of this key alone wait, and a failed future is removed by Caffeine.
     */
    private byte[] chunk(Key key, long chunkEnd, Source source) {
        CompletableFuture<byte[]> fresh = new CompletableFuture<>();
        CompletableFuture<byte[]> cached = chunks.get(key, (k, executor) -> fresh);
        if (cached == fresh) {
            try {
                long chunkStart = key.index() * size;
                byte[] bytes = source.read(key.sha256(), chunkStart, chunkEnd);
                if (bytes.length != chunkEnd - chunkStart + 1) {
                    throw new IllegalStateException("chunk " + key + " has " + bytes.length + " bytes");
                }
                fresh.complete(bytes);
            } catch (RuntimeException | Error e) {
                fresh.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return cached.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private record Key(String sha256, long index) {
    }
}
