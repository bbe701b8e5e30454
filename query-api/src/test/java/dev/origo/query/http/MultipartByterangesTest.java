package dev.origo.query.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartByterangesTest {

    private static final byte[] CONTENT = "0123456789".getBytes(US_ASCII);
    private static final List<ByteRange> RANGES = List.of(new ByteRange(0, 1, 10), new ByteRange(5, 7, 10));

    private final MultipartByteranges body = MultipartByteranges.withBoundary("B0UND", "text/plain", RANGES);

    /** Streams the body the way a controller does: header, range bytes, next, closing delimiter. */
    private static byte[] write(MultipartByteranges body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (MultipartByteranges.Part part : body.parts()) {
            part.writeHeaderTo(out);
            out.write(CONTENT, (int) part.range().start(), (int) part.range().length());
        }
        body.writeClosingDelimiterTo(out);
        return out.toByteArray();
    }

    @Nested
    class Framing {

        @Test
        void namesBoundaryInContentType() {
            assertThat(body.contentType()).isEqualTo("multipart/byteranges; boundary=B0UND");
        }

        @Test
        void writesFirstPartHeaderWithoutLeadingCrlf() {
            assertThat(new String(body.parts().get(0).header(), US_ASCII))
                    .isEqualTo("--B0UND\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n");
        }

        @Test
        void startsLaterPartHeadersWithDelimiterCrlf() {
            assertThat(new String(body.parts().get(1).header(), US_ASCII))
                    .isEqualTo("\r\n--B0UND\r\nContent-Type: text/plain\r\nContent-Range: bytes 5-7/10\r\n\r\n");
        }

        @Test
        void endsWithCloseDelimiter() {
            assertThat(new String(body.closingDelimiter(), US_ASCII)).isEqualTo("\r\n--B0UND--\r\n");
        }

        @Test
        void keepsPartsInRangeOrder() {
            assertThat(body.parts()).extracting(MultipartByteranges.Part::range).containsExactlyElementsOf(RANGES);
        }

        @Test
        void writesExactBody() throws IOException {
            assertThat(new String(write(body), US_ASCII)).isEqualTo(
                    "--B0UND\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/10\r\n\r\n01"
                    + "\r\n--B0UND\r\nContent-Type: text/plain\r\nContent-Range: bytes 5-7/10\r\n\r\n567"
                    + "\r\n--B0UND--\r\n");
        }

        @Test
        void handsOutCopiesOfHeaderBytes() {
            byte[] header = body.parts().get(0).header();
            header[0] = 'X';

            assertThat(body.parts().get(0).header()[0]).isEqualTo((byte) '-');
        }
    }

    @Nested
    class ContentLength {

        @Test
        void equalsWrittenBytes() throws IOException {
            assertThat(body.contentLength()).isEqualTo(write(body).length).isEqualTo(152);
        }

        @Test
        void countsLargeRangesWithoutWritingThem() {
            long gib = 1L << 30;
            MultipartByteranges large = MultipartByteranges.withBoundary("B0UND", "application/octet-stream",
                    List.of(new ByteRange(0, gib - 1, 4 * gib), new ByteRange(2 * gib, 4 * gib - 1, 4 * gib)));
            long headers = ("--B0UND\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes 0-1073741823"
                    + "/4294967296\r\n\r\n").length()
                    + ("\r\n--B0UND\r\nContent-Type: application/octet-stream\r\nContent-Range: bytes "
                    + "2147483648-4294967295/4294967296\r\n\r\n").length()
                    + "\r\n--B0UND--\r\n".length();

            assertThat(large.contentLength()).isEqualTo(3 * gib + headers);
        }
    }

    @Nested
    class RandomBoundary {

        @Test
        void generatesThirtyTwoHexDigits() {
            assertThat(MultipartByteranges.of("text/plain", RANGES).boundary()).matches("[0-9a-f]{32}");
        }

        @Test
        void differsBetweenBodies() {
            assertThat(MultipartByteranges.of("text/plain", RANGES).boundary())
                    .isNotEqualTo(MultipartByteranges.of("text/plain", RANGES).boundary());
        }

        @Test
        void appearsInEveryDelimiter() {
            MultipartByteranges random = MultipartByteranges.of("text/plain", RANGES);

            String boundary = random.boundary();

            assertThat(new String(random.parts().get(1).header(), US_ASCII)).startsWith("\r\n--" + boundary + "\r\n");
            assertThat(new String(random.closingDelimiter(), US_ASCII)).isEqualTo("\r\n--" + boundary + "--\r\n");
        }
    }

    @Nested
    class Validation {

        @Test
        void refusesSingleRange() {
            assertThatThrownBy(() -> MultipartByteranges.of("text/plain", List.of(new ByteRange(0, 1, 10))))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "text/plain\r\nX-Injected: 1", "text/plain\n", "text/pl\u00e4in", "a\u0000b"})
        void refusesMediaTypeUnsafeInHeader(String contentType) {
            assertThatThrownBy(() -> MultipartByteranges.of(contentType, RANGES))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void acceptsMediaTypeWithParameters() {
            MultipartByteranges withCharset =
                    MultipartByteranges.withBoundary("B", "text/plain; charset=utf-8", RANGES);

            assertThat(new String(withCharset.parts().get(0).header(), US_ASCII))
                    .contains("\r\nContent-Type: text/plain; charset=utf-8\r\n");
        }
    }
}
