package dev.origo.query.download;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.origo.query.blob.BlobReader;
import dev.origo.query.cache.BlobChunks;
import dev.origo.query.cache.SmallBodies;
import dev.origo.query.http.ByteRange;

/**
 * Where the bytes of a representation come from: small blobs whole from memory, ranges of larger
 * blobs from cached chunks, everything else (whole large blobs, very long ranges) streamed from S3
 * with the range passed through. Whole large bodies are never cached: a 100 MB download would sweep
 * the chunk cache for one client.
 */
@Component
class Bodies {

    /** Origin cache statuses of the access log. */
    static final String HIT = "HIT";
    static final String MISS = "MISS";
    static final String STREAM = "STREAM";

    private final BlobReader blobs;
    private final SmallBodies smallBodies;
    private final BlobChunks chunks;

    Bodies(BlobReader blobs, SmallBodies smallBodies, BlobChunks chunks) {
        this.blobs = blobs;
        this.smallBodies = smallBodies;
        this.chunks = chunks;
    }

    /** HIT or MISS of the small-body cache, or STREAM for a whole body that always comes from S3. */
    String status(Representation representation) {
        if (!smallBodies.holds(representation.length())) {
            return STREAM;
        }
        return smallBodies.contains(representation.sha256()) ? HIT : MISS;
    }

    /** As {@link #status(Representation)}, for a response of these ranges. */
    String status(Representation representation, List<ByteRange> ranges) {
        if (!fromChunks(representation, ranges)) {
            return status(representation);
        }
        boolean cached = ranges.stream()
                .allMatch(range -> chunks.contains(representation.sha256(), range.start(), range.end()));
        return cached ? HIT : MISS;
    }

    /** Whether a response of these ranges is served from the chunk cache. */
    boolean fromChunks(Representation representation, List<ByteRange> ranges) {
        return !smallBodies.holds(representation.length())
                && chunks.serves(ranges.stream().mapToLong(ByteRange::length).sum());
    }

    /** Writes the whole body. */
    void copy(Representation representation, OutputStream out) throws IOException {
        if (smallBodies.holds(representation.length())) {
            out.write(smallBodies.get(representation.sha256(), blobs::readAll));
        } else {
            blobs.copy(representation.sha256(), 0, -1, out);
        }
    }

    /** Writes one range, from chunks when {@code fromChunks} (as {@link #fromChunks} said for the response). */
    void copy(Representation representation, ByteRange range, boolean fromChunks, OutputStream out)
            throws IOException {
        if (smallBodies.holds(representation.length())) {
            byte[] bytes = smallBodies.get(representation.sha256(), blobs::readAll);
            out.write(bytes, (int) range.start(), (int) range.length());
        } else if (fromChunks) {
            chunks.copy(representation.sha256(), representation.length(), range.start(), range.end(), out,
                    blobs::readRange);
        } else {
            blobs.copy(representation.sha256(), range.start(), range.end(), out);
        }
    }
}
