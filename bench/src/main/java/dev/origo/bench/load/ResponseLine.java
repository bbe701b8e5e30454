package dev.origo.bench.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One line of a response head or of its chunk framing, gathered across reads, and the ASCII reading the parser does
 * on it without allocating: a generator that makes garbage per request pauses for GC, and a pause is charged to
 * every request due during it.
 */
final class ResponseLine {

    private static final int MAX = 16 * 1024;

    private final byte[] bytes = new byte[MAX];
    private int length;

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte at(int index) {
        return bytes[index];
    }

    /** Gathers bytes up to the next LF; true once the line is complete ({@link #length()} then excludes CRLF). */
    boolean readFrom(ByteBuffer in) throws IOException {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                if (length > 0 && bytes[length - 1] == '\r') {
                    length--;
                }
                return true;
            }
            if (length == MAX) {
                throw new IOException("response line longer than " + MAX + " bytes");
            }
            bytes[length++] = b;
        }
        return false;
    }

    /** The index of the first {@code b} in {@code [from, to)}, or {@code to}. */
    int indexOf(char b, int from, int to) {
        int i = from;
        while (i < to && bytes[i] != b) {
            i++;
        }
        return i;
    }

    /** Whether {@code [from, to)} is {@code text}, ignoring ASCII case. */
    boolean matches(int from, int to, String text) {
        if (to - from != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            int a = bytes[from + i];
            int b = text.charAt(i);
            if (a != b && !(Character.isLetter(b) && (a | 0x20) == (b | 0x20))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [from, to)} as a non-negative number in {@code radix}, or -1 if it is not one (or is too long). */
    long number(int from, int to, int radix) {
        if (from == to || to - from > 15) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(bytes[i], radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
        }
        return value;
    }

    /** The first index in {@code [from, to)} that is not a space or tab, or {@code to}. */
    int skipSpace(int from, int to) {
        int i = from;
        while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** {@code to} moved back over trailing spaces and tabs, not below {@code from}. */
    int trimSpace(int from, int to) {
        int i = to;
        while (i > from && (bytes[i - 1] == ' ' || bytes[i - 1] == '\t')) {
            i--;
        }
        return i;
    }

    String text(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return text(0, length);
    }
}
