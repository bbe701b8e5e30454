package dev.origo.query.http;

import java.util.List;

/**
 * The outcome of parsing a {@code Range} field against a representation (RFC 9110 §14.2), as an
 * enum {@link Kind} to switch on plus the resolved ranges.
 *
 * <ul>
 *   <li>{@link Kind#NONE}: no usable Range; send 200 with the whole representation.
 *   <li>{@link Kind#SATISFIABLE}: send 206; one range → {@code Content-Range}
 *       {@link ByteRange#contentRangeHeader()}, several → {@code multipart/byteranges}.
 *   <li>{@link Kind#UNSATISFIABLE}: send 416 with {@code Content-Range}
 *       {@link #unsatisfiedContentRange()}.
 * </ul>
 */
public final class ByteRangeRequest {

    /** How the caller must answer. */
    public enum Kind { NONE, SATISFIABLE, UNSATISFIABLE }

    private final Kind kind;
    private final List<ByteRange> ranges;
    private final long completeLength;

    private ByteRangeRequest(Kind kind, List<ByteRange> ranges, long completeLength) {
        this.kind = kind;
        this.ranges = List.copyOf(ranges);
        this.completeLength = completeLength;
    }

    static ByteRangeRequest none(long completeLength) {
        return new ByteRangeRequest(Kind.NONE, List.of(), completeLength);
    }

    static ByteRangeRequest unsatisfiable(long completeLength) {
        return new ByteRangeRequest(Kind.UNSATISFIABLE, List.of(), completeLength);
    }

    static ByteRangeRequest satisfiable(List<ByteRange> ranges, long completeLength) {
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("a satisfiable range request needs a range");
        }
        return new ByteRangeRequest(Kind.SATISFIABLE, ranges, completeLength);
    }

    public Kind kind() {
        return kind;
    }

    /**
     * The ranges to send, disjoint and non-adjacent, in the order the client first asked for
     * them; empty unless {@link Kind#SATISFIABLE}.
     */
    public List<ByteRange> ranges() {
        return ranges;
    }

    /** Length of the whole representation the header was resolved against. */
    public long completeLength() {
        return completeLength;
    }

    /** Whether the response is {@code multipart/byteranges}: satisfiable with more than one range. */
    public boolean isMultipart() {
        return ranges.size() > 1;
    }

    /** The {@code Content-Range} value of a 416 response, e.g. {@code bytes *}{@code /1000}. */
    public String unsatisfiedContentRange() {
        return "bytes */" + completeLength;
    }

    @Override
    public String toString() {
        return kind + (ranges.isEmpty() ? "" : ranges.toString()) + "/" + completeLength;
    }
}
