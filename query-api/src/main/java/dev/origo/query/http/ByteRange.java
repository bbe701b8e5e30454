package dev.origo.query.http;

/**
 * A satisfiable byte range resolved against a representation: first and last byte positions,
 * both inclusive, within {@code [0, completeLength)}.
 *
 * @param start first byte position
 * @param end last byte position, inclusive
 * @param completeLength length of the whole representation
 */
public record ByteRange(long start, long end, long completeLength) {

    /** @throws IllegalArgumentException unless {@code 0 <= start <= end < completeLength} */
    public ByteRange {
        if (start < 0 || end < start || end >= completeLength) {
            throw new IllegalArgumentException(
                    "not a range within the representation: " + start + "-" + end + "/" + completeLength);
        }
    }

    /** Number of bytes in the range. */
    public long length() {
        return end - start + 1;
    }

    /** The {@code Content-Range} value for this range, e.g. {@code bytes 0-99/1000}. */
    public String contentRangeHeader() {
        return "bytes " + start + "-" + end + "/" + completeLength;
    }
}
