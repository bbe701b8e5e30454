package dev.origo.query.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Frames a {@code multipart/byteranges} body (RFC 9110 §14.6) whose part bodies the caller
 * streams. The body is, byte for byte:
 *
 * <pre>
 * --B CRLF Content-Type: t CRLF Content-Range: bytes a-b/n CRLF CRLF &lt;bytes a..b&gt;
 * CRLF --B CRLF Content-Type: t CRLF Content-Range: bytes c-d/n CRLF CRLF &lt;bytes c..d&gt;
 * CRLF --B-- CRLF
 * </pre>
 *
 * The CRLF before each later boundary belongs to the delimiter (RFC 2046 §5.1.1), so it is part of
 * the next part's header, and {@link #contentLength()} is exact. Use:
 *
 * <pre>{@code
 * for (Part part : body.parts()) {
 *     part.writeHeaderTo(out);
 *     copy(part.range(), out);          // exactly part.range().length() bytes
 * }
 * body.writeClosingDelimiterTo(out);
 * }</pre>
 */
public final class MultipartByteranges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String boundary;
    private final List<Part> parts;
    private final byte[] closingDelimiter;

    private MultipartByteranges(String boundary, String contentType, List<ByteRange> ranges) {
        this.boundary = boundary;
        List<Part> framed = new ArrayList<>(ranges.size());
        for (ByteRange range : ranges) {
            String header = (framed.isEmpty() ? "--" : "\r\n--") + boundary + "\r\nContent-Type: "
                    + contentType + "\r\nContent-Range: " + range.contentRangeHeader() + "\r\n\r\n";
            framed.add(new Part(range, ascii(header)));
        }
        this.parts = List.copyOf(framed);
        this.closingDelimiter = ascii("\r\n--" + boundary + "--\r\n");
    }

    /**
     * Frames {@code ranges} under a fresh random boundary of 32 hex digits.
     *
     * @param contentType the representation's media type, repeated in every part
     * @param ranges two or more ranges (RFC 9110 §14.6 forbids multipart for a single range)
     * @throws IllegalArgumentException when fewer than two ranges are given or the media type holds
     *     characters a header field value cannot (CR, LF, other controls, non-ASCII)
     */
    public static MultipartByteranges of(String contentType, List<ByteRange> ranges) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return withBoundary(HexFormat.of().formatHex(random), contentType, ranges);
    }

    /** As {@link #of}, with a fixed boundary. */
    static MultipartByteranges withBoundary(String boundary, String contentType, List<ByteRange> ranges) {
        if (ranges.size() < 2) {
            throw new IllegalArgumentException("multipart/byteranges needs two or more ranges: " + ranges);
        }
        if (contentType.isBlank() || !contentType.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7F))) {
            throw new IllegalArgumentException("not a header-safe media type: " + contentType);
        }
        return new MultipartByteranges(boundary, contentType, ranges);
    }

    public String boundary() {
        return boundary;
    }

    /** The response's {@code Content-Type} value: {@code multipart/byteranges; boundary=<boundary>}. */
    public String contentType() {
        return "multipart/byteranges; boundary=" + boundary;
    }

    /** The parts in sending order. */
    public List<Part> parts() {
        return parts;
    }

    /** The exact length of the whole body: part headers, range bytes and closing delimiter. */
    public long contentLength() {
        long length = closingDelimiter.length;
        for (Part part : parts) {
            length = Math.addExact(length, Math.addExact(part.header.length, part.range.length()));
        }
        return length;
    }

    /** A copy of the bytes that end the body: {@code CRLF --boundary-- CRLF}. */
    public byte[] closingDelimiter() {
        return closingDelimiter.clone();
    }

    /** Writes the closing delimiter, after the last part's bytes. */
    public void writeClosingDelimiterTo(OutputStream out) throws IOException {
        out.write(closingDelimiter);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** One body part: its framing header, then {@link ByteRange#length()} bytes the caller streams. */
    public static final class Part {
        private final ByteRange range;
        private final byte[] header;

        private Part(ByteRange range, byte[] header) {
            this.range = range;
            this.header = header;
        }

        public ByteRange range() {
            return range;
        }

        /** A copy of the header bytes, from the delimiter through the blank line. */
        public byte[] header() {
            return header.clone();
        }

        /** Writes the header bytes; the range's bytes go right after them. */
        public void writeHeaderTo(OutputStream out) throws IOException {
            out.write(header);
        }
    }
}
