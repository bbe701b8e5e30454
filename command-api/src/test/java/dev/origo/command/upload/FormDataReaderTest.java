package dev.origo.command.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class FormDataReaderTest {

    private static final String BOUNDARY = "------------------------d74496d66958873e";

    @Test
    void readsFieldsAndFileOfACurlForm() throws IOException {
        byte[] file = "hello, origo\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = new Form(BOUNDARY)
                .part("Content-Disposition: form-data; name=\"is_public\"", "false".getBytes())
                .part("Content-Disposition: form-data; name=\"file\"; filename=\"hello.txt\"\r\nContent-Type: text/plain", file)
                .close();

        List<Read> parts = readAll(new FormDataReader(new ByteArrayInputStream(body), BOUNDARY));

        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).part().name()).isEqualTo("is_public");
        assertThat(parts.get(0).part().isFile()).isFalse();
        assertThat(parts.get(0).bytes()).isEqualTo("false".getBytes());
        assertThat(parts.get(1).part().name()).isEqualTo("file");
        assertThat(parts.get(1).part().filename()).isEqualTo("hello.txt");
        assertThat(parts.get(1).part().contentType()).isEqualTo("text/plain");
        assertThat(parts.get(1).bytes()).isEqualTo(file);
    }

    @Test
    void bodiesSurviveEveryReadSizeAndBoundaryLength() throws IOException {
        Random random = new Random(6);
        for (int round = 0; round < 300; round++) {
            String boundary = randomBoundary(random, 1 + random.nextInt(FormDataReader.MAX_BOUNDARY));
            byte[] delimiterPrefix = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
            byte[] first = nearMisses(random, delimiterPrefix, random.nextInt(200_000));
            byte[] second = nearMisses(random, delimiterPrefix, random.nextInt(3));
            byte[] body = new Form(boundary)
                    .preamble(random.nextBoolean() ? "a preamble\r\n" : "")
                    .part("Content-Disposition: form-data; name=\"a\"; filename=\"a.bin\"", first)
                    .part("Content-Disposition: form-data; name=\"b\"", second)
                    .close();

            List<Read> parts = readAll(new FormDataReader(new Trickle(body, random), boundary));

            assertThat(parts).as("round %d, boundary %s", round, boundary).hasSize(2);
            assertThat(parts.get(0).bytes()).as("round %d", round).isEqualTo(first);
            assertThat(parts.get(1).bytes()).as("round %d", round).isEqualTo(second);
        }
    }

    @Test
    void unreadPartsAreSkipped() throws IOException {
        byte[] big = new byte[300_000];
        new Random(1).nextBytes(big);
        byte[] body = new Form(BOUNDARY)
                .part("Content-Disposition: form-data; name=\"other\"; filename=\"x\"", big)
                .part("Content-Disposition: form-data; name=\"file\"; filename=\"y\"", "y".getBytes())
                .close();
        FormDataReader reader = new FormDataReader(new ByteArrayInputStream(body), BOUNDARY);

        FormPart skipped = reader.next();
        skipped.body().readNBytes(10);
        FormPart file = reader.next();

        assertThat(file.name()).isEqualTo("file");
        assertThat(file.body().readAllBytes()).isEqualTo("y".getBytes());
        assertThat(reader.next()).isNull();
        assertThatThrownBy(() -> skipped.body().read(new byte[10])).isInstanceOf(IOException.class);
    }

    @Test
    void transportPaddingAfterABoundaryAndAnEpilogueAreAllowed() throws IOException {
        byte[] body = ("--b \t\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\nx\r\n--b--\r\nepilogue")
                .getBytes(StandardCharsets.US_ASCII);

        List<Read> parts = readAll(new FormDataReader(new ByteArrayInputStream(body), "b"));

        assertThat(parts).singleElement().satisfies(read -> assertThat(read.bytes()).isEqualTo("x".getBytes()));
    }

    @Test
    void foldedAndRepeatedHeadersAndAPartWithoutHeaders() throws IOException {
        byte[] body = ("--b\r\nContent-Disposition: form-data;\r\n name=\"file\"; filename=\"f.txt\"\r\n\r\nx"
                + "\r\n--b\r\n\r\nno headers\r\n--b--").getBytes(StandardCharsets.US_ASCII);

        List<Read> parts = readAll(new FormDataReader(new ByteArrayInputStream(body), "b"));

        assertThat(parts.get(0).part().name()).isEqualTo("file");
        assertThat(parts.get(0).part().filename()).isEqualTo("f.txt");
        assertThat(parts.get(1).part().headers()).isEmpty();
        assertThat(parts.get(1).part().name()).isNull();
        assertThat(parts.get(1).bytes()).isEqualTo("no headers".getBytes());
    }

    @Test
    void filenamesAreReadAsCommonsFileuploadReadsThem() throws IOException {
        byte[] body = new Form("b")
                .part("Content-Disposition: form-data; name=\"file\"; filename=\"C:\\Users\\me\\r\u00e9sum\u00e9.pdf\"", new byte[0])
                .part("Content-Disposition: form-data; name=\"file\"; filename*=UTF-8''na%C3%AFve.txt", new byte[0])
                .part("Content-Disposition: form-data; name=\"file\"; filename=\"\"", new byte[0])
                .part("Content-Disposition: attachment; filename=\"a.txt\"", new byte[0])
                .close();

        List<Read> parts = readAll(new FormDataReader(new ByteArrayInputStream(body), "b"));

        assertThat(parts).extracting(read -> read.part().filename())
                .containsExactly("C:\\Users\\me\\r\u00e9sum\u00e9.pdf", "na\u00efve.txt", "", "a.txt");
        assertThat(parts).extracting(read -> read.part().name()).containsExactly("file", "file", "file", null);
    }

    @Test
    void malformedBodiesAreBadUploads() {
        assertMalformed("no boundary at all", "b", "no boundary found");
        assertMalformed("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx", "b", "before the closing boundary");
        assertMalformed("--b\r\nContent-Disposition: form-data; name=\"file\"\r\n", "b", "in a part's headers");
        assertMalformed("--bX\r\n\r\nx\r\n--b--", "b", "unexpected characters after a boundary");
        assertMalformed("--b\r\nno colon here\r\n\r\nx\r\n--b--", "b", "no name");
        assertMalformed("--b", "b", "ended after a boundary");
    }

    @Test
    void limitsAreEnforced() {
        String longHeader = "Content-Disposition: form-data; name=\"file\"; filename=\"" + "a".repeat(FormDataReader.MAX_HEADER_BYTES) + "\"";
        assertThatThrownBy(() -> readAll(new FormDataReader(new ByteArrayInputStream(
                new Form("b").part(longHeader, new byte[1]).close()), "b")))
                .isInstanceOf(BadUploadException.class).hasMessageContaining("headers are longer");

        Form many = new Form("b");
        for (int i = 0; i <= FormDataReader.MAX_PARTS; i++) {
            many.part("Content-Disposition: form-data; name=\"f" + i + "\"", new byte[0]);
        }
        byte[] manyParts = many.close();
        assertThatThrownBy(() -> readAll(new FormDataReader(new ByteArrayInputStream(manyParts), "b")))
                .isInstanceOf(BadUploadException.class).hasMessageContaining("more than");

        assertThatThrownBy(() -> new FormDataReader(InputStream.nullInputStream(), "x".repeat(FormDataReader.MAX_BOUNDARY + 1)))
                .isInstanceOf(BadUploadException.class);
        assertThatThrownBy(() -> new FormDataReader(InputStream.nullInputStream(), ""))
                .isInstanceOf(BadUploadException.class);
    }

    private static void assertMalformed(String body, String boundary, String reason) {
        assertThatThrownBy(() -> readAll(new FormDataReader(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)), boundary)))
                .as(body)
                .isInstanceOf(BadUploadException.class)
                .hasMessageContaining(reason);
    }

    private static List<Read> readAll(FormDataReader reader) throws IOException {
        List<Read> parts = new ArrayList<>();
        for (FormPart part = reader.next(); part != null; part = reader.next()) {
            parts.add(new Read(part, part.body().readAllBytes()));
        }
        return parts;
    }

    /** Random bytes salted with prefixes of the delimiter, which must not end the part. */
    private static byte[] nearMisses(Random random, byte[] delimiter, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        while (out.size() < size) {
            if (random.nextInt(8) == 0) {
                int prefix = random.nextInt(delimiter.length); // never the whole delimiter,
                out.write(delimiter, 0, prefix);
                out.write(delimiter[prefix] + 1); // and not completed by the next byte
            } else {
                byte[] chunk = new byte[1 + random.nextInt(4096)];
                random.nextBytes(chunk);
                out.writeBytes(chunk);
            }
        }
        return out.toByteArray();
    }

    private static String randomBoundary(Random random, int length) {
        String chars = "0123456789abcdefABCDEF-_'()+,./:=?";
        StringBuilder boundary = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            boundary.append(chars.charAt(random.nextInt(chars.length())));
        }
        return boundary.toString();
    }

    private record Read(FormPart part, byte[] bytes) {
    }

    /** Hands out the body a few bytes or many at a time, as a socket does. */
    private static final class Trickle extends ByteArrayInputStream {

        private final Random random;

        Trickle(byte[] body, Random random) {
            super(body);
            this.random = random;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int max = random.nextBoolean() ? 1 + random.nextInt(16) : 1 + random.nextInt(70_000);
            return super.read(b, off, Math.min(len, max));
        }
    }

    /** A multipart/form-data body, written as curl and browsers write it. */
    private static final class Form {

        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Form(String boundary) {
            this.boundary = boundary;
        }

        Form preamble(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        Form part(String headers, byte[] body) {
            out.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(body);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        byte[] close() {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return out.toByteArray();
        }
    }
}
