package dev.origo.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads one HTTP/1.1 response at a time from whatever bytes have arrived, resuming where the last read stopped:
 * status line, header fields up to the empty line, then a body framed by {@code Content-Length}, chunked or (with
 * neither) by the end of the stream. Body bytes are skipped, never copied, and nothing is allocated per response.
 * 1xx responses are interim and skipped; 1xx, 204 and 304 have no body whatever their headers say (RFC 9112 §6.3).
 */
final class ResponseParser {

    private enum State { STATUS, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, UNTIL_EOF, DONE }

    private final ResponseLine line = new ResponseLine();
    private State state = State.STATUS;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;

    /** Forgets the last response: the next bytes start a new one. */
    void reset() {
        state = State.STATUS;
        line.clear();
    }

    /**
     * Consumes bytes of the response from {@code in}. Returns true once the whole response has been read; its last
     * byte is then the last one consumed. Returns false when it needs more bytes (all of {@code in} was consumed).
     */
    boolean parse(ByteBuffer in) throws IOException {
        while (state != State.DONE) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int skipped = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skipped);
                    remaining -= skipped;
                    if (remaining > 0) {
                        return false;
                    }
                    state = state == State.BODY ? State.DONE : State.CHUNK_END;
                }
                case UNTIL_EOF -> {
                    in.position(in.limit());
                    return false;
                }
                default -> {
                    if (!line.readFrom(in)) {
                        return false;
                    }
                    onLine();
                    line.clear();
                }
            }
        }
        return true;
    }

    /** At the end of the stream: true if that completes the response (a body that runs until the connection closes). */
    boolean endOfStream() {
        if (state == State.UNTIL_EOF) {
            state = State.DONE;
            return true;
        }
        return false;
    }

    int status() {
        return status;
    }

    /** Whether the server closes the connection after this response ({@code Connection: close}, or HTTP/1.0). */
    boolean closeAfter() {
        return close;
    }

    private void onLine() throws IOException {
        boolean empty = line.length() == 0;
        switch (state) {
            case STATUS -> onStatusLine();
            case HEADERS -> {
                if (empty) {
                    onHeadersEnd();
                } else {
                    onHeader();
                }
            }
            case CHUNK_SIZE -> {
                int end = line.indexOf(';', 0, line.trimSpace(0, line.length()));
                remaining = line.number(0, line.trimSpace(0, end), 16);
                if (remaining < 0) {
                    throw new IOException("bad chunk size: " + line);
                }
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> {
                if (!empty) {
                    throw new IOException("chunk longer than its size");
                }
                state = State.CHUNK_SIZE;
            }
            case TRAILERS -> state = empty ? State.DONE : State.TRAILERS;
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void onStatusLine() throws IOException {
        if (line.length() < 12 || !line.matches(0, 7, "HTTP/1.") || line.at(8) != ' ' || line.number(9, 12, 10) < 0) {
            throw new IOException("not an HTTP/1.x status line: " + line);
        }
        status = (int) line.number(9, 12, 10);
        contentLength = -1;
        chunked = false;
        close = line.at(7) == '0';
        state = State.HEADERS;
    }

    /** Looks only at the three fields that frame the body or end the connection. */
    private void onHeader() throws IOException {
        int colon = line.indexOf(':', 0, line.length());
        if (colon == line.length()) {
            throw new IOException("header line without a colon: " + line);
        }
        int from = line.skipSpace(colon + 1, line.length());
        int to = line.trimSpace(from, line.length());
        if (line.matches(0, colon, "Content-Length")) {
            contentLength = line.number(from, to, 10);
            if (contentLength < 0) {
                throw new IOException("bad Content-Length: " + line.text(from, to));
            }
        } else if (line.matches(0, colon, "Transfer-Encoding")) {
            chunked = to - from >= 7 && line.matches(to - 7, to, "chunked");
        } else if (line.matches(0, colon, "Connection")) {
            for (int token = from; token < to; ) {
                int comma = line.indexOf(',', token, to);
                int start = line.skipSpace(token, comma);
                int end = line.trimSpace(start, comma);
                if (line.matches(start, end, "close")) {
                    close = true;
                } else if (line.matches(start, end, "keep-alive")) {
                    close = false;
                }
                token = comma + 1;
            }
        }
    }

    private void onHeadersEnd() {
        if (status / 100 == 1) {
            state = State.STATUS;                       // interim response: the final one follows
        } else if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = State.BODY;
        } else {
            close = true;
            state = State.UNTIL_EOF;
        }
    }
}
