package dev.origo.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResponseParserTest {

    private final ResponseParser parser = new ResponseParser();

    @Nested
    class Framing {

        @Test
        void readsAContentLengthBodyWhereverTheBytesAreSplit() throws IOException {
            assertCompleteAtEverySplit("HTTP/1.1 200 OK\r\nContent-Length: 12\r\n\r\nHTTP/1.1 200", 200);
        }

        @Test
        void readsChunksWithExtensionsAndTrailersWhereverTheBytesAreSplit() throws IOException {
            assertCompleteAtEverySplit("HTTP/1.1 200 OK\r\ntransfer-encoding: gzip, chunked\r\n\r\n"
                    + "5;name=value\r\n0\r\n\r\n\r\n" + "a\r\n0123456789\r\n" + "0\r\nX-Checksum: 1\r\n\r\n", 200);
        }

        @Test
        void readsNoBodyAfter304Or204WhateverContentLengthSays() throws IOException {
            assertCompleteAtEverySplit("HTTP/1.1 304 Not Modified\r\nContent-Length: 1024\r\nETag: \"x\"\r\n\r\n", 304);
            assertCompleteAtEverySplit("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n", 204);
        }

        @Test
        void skipsAnInterimResponse() throws IOException {
            assertCompleteAtEverySplit("HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n"
                    + "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot", 404);
        }

        @Test
        void readsAnEmptyContentLengthBody() throws IOException {
            assertCompleteAtEverySplit("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200);
        }

        @Test
        void stopsAtTheEndOfTheResponseLeavingWhatFollows() throws IOException {
            ByteBuffer in = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1");

            assertThat(parser.parse(in)).isTrue();
            assertThat(in.remaining()).isEqualTo("HTTP/1.1".length());
        }

        @Test
        void endsABodyWithoutLengthAtTheEndOfTheStreamOnly() throws IOException {
            assertThat(parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nsome body"))).isFalse();
            assertThat(parser.endOfStream()).isTrue();
            assertThat(parser.closeAfter()).isTrue();
        }

        @Test
        void doesNotEndACutShortBodyAtTheEndOfTheStream() throws IOException {
            assertThat(parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort"))).isFalse();
            assertThat(parser.endOfStream()).isFalse();
        }
    }

    @Nested
    class Connection {

        @Test
        void closesAfterConnectionClose() throws IOException {
            parser.parse(bytes("HTTP/1.1 200 OK\r\nConnection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n"));

            assertThat(parser.closeAfter()).isTrue();
        }

        @Test
        void keepsAnHttp11ConnectionAndClosesAnHttp10OneUnlessKeptAlive() throws IOException {
            parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
            assertThat(parser.closeAfter()).isFalse();

            parser.reset();
            parser.parse(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
            assertThat(parser.closeAfter()).isTrue();

            parser.reset();
            parser.parse(bytes("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n"));
            assertThat(parser.closeAfter()).isFalse();
        }
    }

    @Nested
    class Garbage {

        /** A generator allocating per request pauses for GC, and each pause is charged to the requests due in it. */
        @Test
        void allocatesNothingPerResponse() throws IOException {
            ByteBuffer response = bytes("HTTP/1.1 304 Not Modified\r\nServer: nginx/1.22.1\r\n"
                    + "Date: Sun, 29 Nov 2026 09:09:47 GMT\r\nLast-Modified: Sun, 29 Nov 2026 09:09:46 GMT\r\n"
                    + "Connection: keep-alive\r\nETag: \"6b0bebda-400\"\r\n\r\n");
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            assertThat(parseRepeatedly(response, 1_000)).isEqualTo(1_000);

            long before = threads.getCurrentThreadAllocatedBytes();
            int parsed = parseRepeatedly(response, 10_000);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;

            assertThat(parsed).isEqualTo(10_000);
            assertThat(allocated).as("bytes allocated for 10,000 responses").isLessThan(10_000);
        }

        private int parseRepeatedly(ByteBuffer response, int times) throws IOException {
            int parsed = 0;
            for (int i = 0; i < times; i++) {
                parser.reset();
                response.rewind();
                parsed += parser.parse(response) ? 1 : 0;
            }
            return parsed;
        }
    }

    @Nested
    class Malformed {

        @Test
        void rejectsWhatIsNotAStatusLine() {
            assertThatThrownBy(() -> parser.parse(bytes("SSH-2.0-OpenSSH_9.2\r\n")))
                    .isInstanceOf(IOException.class).hasMessageContaining("SSH-2.0");
        }

        @Test
        void rejectsAChunkLongerThanItsSize() {
            assertThatThrownBy(() -> parser.parse(bytes(
                    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n")))
                    .isInstanceOf(IOException.class);
        }

        @Test
        void rejectsABadContentLength() {
            assertThatThrownBy(() -> parser.parse(bytes("HTTP/1.1 200 OK\r\nContent-Length: ten\r\n\r\n")))
                    .isInstanceOf(IOException.class).hasMessageContaining("ten");
        }
    }

    /** Feeds the response in two reads split at every position, and once a byte at a time. */
    private void assertCompleteAtEverySplit(String response, int status) throws IOException {
        byte[] all = response.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split <= all.length; split++) {
            parser.reset();
            ByteBuffer first = ByteBuffer.wrap(all, 0, split);
            ByteBuffer second = ByteBuffer.wrap(all, split, all.length - split);
            boolean done = parser.parse(first);
            assertThat(done).as("complete after %d of %d bytes", split, all.length).isEqualTo(split == all.length);
            if (!done) {
                assertThat(parser.parse(second)).as("complete after the rest, split at %d", split).isTrue();
            }
            assertThat(second.remaining()).isZero();
            assertThat(parser.status()).isEqualTo(status);
        }
        parser.reset();
        for (int i = 0; i < all.length; i++) {
            assertThat(parser.parse(ByteBuffer.wrap(all, i, 1))).isEqualTo(i == all.length - 1);
        }
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
