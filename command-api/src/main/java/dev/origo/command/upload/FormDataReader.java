package dev.origo.command.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578, framed as RFC 2046 §5.1) one part at a time, each
 * part's body as a stream, in a fixed buffer: memory does not grow with the upload.
 *
 * <p>Hand-written because commons-fileupload's {@code MultipartInput} looks for the delimiter one byte at a
 * time (a KMP loop over a 4 KiB buffer): under JFR it took ~0.4 s of CPU per 100 MiB upload, the largest
 * single cost of an upload (issue 6, decision 0020). Here the delimiter ({@code CRLF--boundary}, 40–74
 * bytes) is searched with Boyer–Moore–Horspool, which on file bytes skips about its length per comparison.
 * Header parameters are still parsed by commons-fileupload ({@link FormPart}), so names and filenames
 * (quoting, RFC 2231 {@code filename*}) come out as before.
 */
final class FormDataReader {

    /** RFC 2046 §5.1.1: a boundary is 1 to 70 characters. */
    static final int MAX_BOUNDARY = 70;
    /** As commons-fileupload's default {@code partHeaderSizeMax}. */
    static final int MAX_HEADER_BYTES = 10 * 1024;
    /** A form here has two fields; this many parts is no upload form (they would only be drained). */
    static final int MAX_PARTS = 64;

    private static final int BUFFER = 64 * 1024;
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte DASH = '-';

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip;
    private final byte[] buffer;
    /** Unread bytes are {@code buffer[start, end)}. */
    private int start;
    private int end;
    /** No delimiter starts before this index (it survives refills, so a body is searched once). */
    private int searchedTo;
    private boolean inputEnded;
    private boolean closed;
    private int parts;
    private PartBody current;

    FormDataReader(InputStream in, String boundary) {
        if (boundary == null || boundary.isEmpty() || boundary.length() > MAX_BOUNDARY) {
            throw new BadUploadException("the multipart boundary must be 1 to " + MAX_BOUNDARY + " characters");
        }
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.skip = skipTable(delimiter);
        this.buffer = new byte[BUFFER + delimiter.length];
        // The first delimiter may open the body without the CRLF that belongs to every later one.
        buffer[0] = CR;
        buffer[1] = LF;
        end = 2;
    }

    /**
     * The next part, or {@code null} after the closing delimiter. What is left of the previous part's body
     * is skipped.
     */
    FormPart next() throws IOException {
        if (closed) {
            return null;
        }
        if (current != null) {
            current.skipRest();
        } else {
            skipPreamble();
        }
        start += delimiter.length;
        searchedTo = start;
        if (!fill(2)) {
            throw malformed("the body ended after a boundary");
        }
        if (buffer[start] == DASH && buffer[start + 1] == DASH) {
            closed = true; // the epilogue, if any, is ignored (RFC 2046)
            return null;
        }
        skipBoundaryLineEnd();
        if (++parts > MAX_PARTS) {
            throw new BadUploadException("the multipart body has more than " + MAX_PARTS + " parts");
        }
        Map<String, String> headers = readHeaders();
        current = new PartBody();
        return new FormPart(headers, current);
    }

    private void skipPreamble() throws IOException {
        skipToDelimiter("no boundary found in the body");
    }

    /** Discards bytes up to the next delimiter, which is then at {@code start}. */
    private void skipToDelimiter(String endedReason) throws IOException {
        int found = find();
        while (found < 0) {
            start = Math.max(start, end - delimiter.length + 1);
            if (!refill()) {
                throw malformed(endedReason);
            }
            found = find();
        }
        start = found;
    }

    /** Transport padding (RFC 2046 §5.1.1: linear white space) and the CRLF that end a boundary line. */
    private void skipBoundaryLineEnd() throws IOException {
        while (true) {
            if (!fill(2)) {
                throw malformed("the body ended after a boundary");
            }
            byte b = buffer[start];
            if (b == ' ' || b == '\t') {
                start++;
            } else if (b == CR && buffer[start + 1] == LF) {
                start += 2;
                return;
            } else {
                throw malformed("unexpected characters after a boundary");
            }
        }
    }

    /** Header lines up to the empty line, unfolded; names lower-cased; bounded by {@link #MAX_HEADER_BYTES}. */
    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String name = null;
        int total = 0;
        while (true) {
            int lineEnd = lineEnd();
            int length = lineEnd - start;
            total += length + 2;
            if (total > MAX_HEADER_BYTES) {
                throw headersTooLong();
            }
            String line = new String(buffer, start, length, StandardCharsets.UTF_8);
            start = lineEnd + 2;
            if (line.isEmpty()) {
                searchedTo = start;
                return headers;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                headers.merge(name, " " + line.strip(), String::concat); // obsolete line folding
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part header has no name");
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            headers.merge(name, value, (first, second) -> first + "," + second);
        }
    }

    /** Index of the CR of the next CRLF, reading on as needed; a line may not outgrow the header limit. */
    private int lineEnd() throws IOException {
        int from = start;
        while (true) {
            for (int i = from; i + 1 < end; i++) {
                if (buffer[i] == CR && buffer[i + 1] == LF) {
                    return i;
                }
            }
            if (end - start > MAX_HEADER_BYTES) {
                throw headersTooLong();
            }
            from = Math.max(start, end - 1);
            int before = start;
            if (!refill()) {
                throw malformed("the body ended in a part's headers");
            }
            from -= before - start;
        }
    }

    /** Index of the next delimiter in the unread bytes, or -1; remembers how far it looked. */
    private int find() {
        int last = delimiter.length - 1;
        int i = Math.max(start, searchedTo);
        int limit = end - delimiter.length;
        while (i <= limit) {
            byte b = buffer[i + last];
            if (b == delimiter[last] && Arrays.equals(buffer, i, i + last, delimiter, 0, last)) {
                searchedTo = i;
                return i;
            }
            i += skip[b & 0xff];
        }
        searchedTo = Math.max(start, limit + 1);
        return -1;
    }

    /** Makes at least {@code count} unread bytes available; false if the input ends first. */
    private boolean fill(int count) throws IOException {
        while (end - start < count) {
            if (!refill()) {
                return false;
            }
        }
        return true;
    }

    /** Moves the unread bytes to the front and reads more after them; false if the input has ended. */
    private boolean refill() throws IOException {
        if (inputEnded) {
            return false;
        }
        if (start > 0) {
            int unread = end - start;
            System.arraycopy(buffer, start, buffer, 0, unread);
            searchedTo = Math.max(0, searchedTo - start);
            start = 0;
            end = unread;
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            inputEnded = true;
            return false;
        }
        end += n;
        return true;
    }

    private static int[] skipTable(byte[] pattern) {
        int[] table = new int[256];
        Arrays.fill(table, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            table[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
        return table;
    }

    private static BadUploadException headersTooLong() {
        return new BadUploadException("a part's headers are longer than " + MAX_HEADER_BYTES + " bytes");
    }

    private static BadUploadException malformed(String reason) {
        return new BadUploadException("malformed multipart body: " + reason);
    }

    /** The body of the current part: ends where the next delimiter starts. */
    private final class PartBody extends InputStream {

        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (current != this) {
                throw new IOException("the reader has moved on to a later part");
            }
            while (!ended) {
                int available = available();
                if (available > 0) {
                    int n = Math.min(available, length);
                    System.arraycopy(buffer, start, target, offset, n);
                    start += n;
                    return n;
                }
                if (find() == start) {
                    ended = true;
                } else if (!refill()) {
                    throw malformed("the body ended before the closing boundary");
                }
            }
            return -1;
        }

        /** Bytes that are certainly body: up to the delimiter, or all but a possible delimiter's start. */
        @Override
        public int available() {
            if (ended) {
                return 0;
            }
            int found = find();
            return found >= 0 ? found - start : Math.max(0, end - delimiter.length + 1 - start);
        }

        void skipRest() throws IOException {
            if (!ended) {
                skipToDelimiter("the body ended before the closing boundary");
                ended = true;
            }
        }

        @Override
        public void close() {
            // The reader owns the request's stream; next() skips what was not read.
        }
    }
}
