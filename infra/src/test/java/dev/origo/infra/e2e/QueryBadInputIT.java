package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Hostile or broken requests to the query-api: never a 5xx, never unbounded work. */
class QueryBadInputIT {

    private static Stack stack;
    private static Client client;
    private static String path;

    @BeforeAll
    static void asset() throws Exception {
        stack = Stack.get();
        client = new Client(stack);
        ResponseEntity<Map> created = client.upload(Bytes.random(10_000), "b.bin", "application/octet-stream", null);
        path = "/assets/" + created.getBody().get("id") + "/download";
        assertThat(client.get(path, "X-Min-Sequence", "1").statusCode()).isEqualTo(200);
    }

    private static int status(String... headers) throws Exception {
        return client.get(path, headers).statusCode();
    }

    @Nested
    class Ranges {

        @Test
        void manyOverlappingRangesGetTheWholeRepresentation() throws Exception {
            StringJoiner ranges = new StringJoiner(",", "bytes=", "");
            for (int i = 0; i < 250; i++) {
                ranges.add(i + "-" + (i + 100));
            }
            HttpResponse<byte[]> response = client.get(path, "Range", ranges.toString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).hasSize(10_000);
        }

        @Test
        void malformedOrUnknownRangesAreIgnored() throws Exception {
            assertThat(status("Range", "bytes=5-1")).isEqualTo(200);
            assertThat(status("Range", "items=0-5")).isEqualTo(200);
            assertThat(status("Range", "bytes=99999999999999999999-")).isEqualTo(200);
            assertThat(status("Range", "bytes=9223372036854775807-9223372036854775808")).isEqualTo(200);
            assertThat(status("Range", "bytes= 0-9 , 20-29 ")).isEqualTo(206);
        }

        @Test
        void rangeOnTwoLinesIsIgnored() throws Exception {
            HttpResponse<byte[]> response = client.get(path, "Range", "bytes=0-1", "Range", "bytes=4-5");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).hasSize(10_000);
        }

        @Test
        void emptySuffixIsUnsatisfiable() throws Exception {
            HttpResponse<byte[]> response = client.get(path, "Range", "bytes=-0");

            assertThat(response.statusCode()).isEqualTo(416);
            assertThat(response.headers().firstValue("Content-Range")).hasValue("bytes */10000");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        @Test
        void onAnEmptyFileASuffixIsIgnoredAndPositionsAreUnsatisfiable() throws Exception {
            ResponseEntity<Map> created = client.upload(new byte[0], "empty.txt", "text/plain", null);
            String empty = "/assets/" + created.getBody().get("id") + "/download";
            assertThat(client.get(empty, "X-Min-Sequence", "1").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> suffix = client.get(empty, "Range", "bytes=-1");
            assertThat(suffix.statusCode()).isEqualTo(200);
            assertThat(suffix.body()).isEmpty();
            assertThat(suffix.headers().firstValue("Content-Length")).hasValue("0");

            HttpResponse<byte[]> position = client.get(empty, "Range", "bytes=0-0");
            assertThat(position.statusCode()).isEqualTo(416);
            assertThat(position.headers().firstValue("Content-Range")).hasValue("bytes */0");
        }
    }

    @Nested
    class Preconditions {

        @Test
        void malformedEntityTagsAndDatesAreHarmless() throws Exception {
            StringJoiner tags = new StringJoiner(", ");
            for (int i = 0; i < 90; i++) {
                tags.add(i % 3 == 0 ? "\"t" + i + "\"" : i % 3 == 1 ? "W/\"w" + i + "\"" : "bad" + i);
            }
            assertThat(status("If-None-Match", tags.toString())).isEqualTo(200);
            assertThat(status("If-Modified-Since", "not a date")).isEqualTo(200);
            assertThat(status("If-Modified-Since", "Fri, 31 Dec 9999 23:59:59 GMT")).isEqualTo(200);
            assertThat(status("If-Unmodified-Since", "Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(412);
        }

        @Test
        void tenThousandEntityTagsAreRefusedAsTooLargeNotAServerError() throws Exception {
            StringJoiner tags = new StringJoiner(",");
            for (int i = 0; i < 10_000; i++) {
                tags.add("\"" + i + "\"");
            }
            assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + tags + "\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 4");
        }
    }

    @Nested
    class GuessedTokens {

        @Test
        void guessedTokensAreForbiddenUncacheableAndCounted() throws Exception {
            Counter rejected = stack.queryApi.getBean(MeterRegistry.class).counter("origo.tokens.rejected");
            double before = rejected.count();
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < 5; i++) {
                byte[] guess = new byte[32];
                random.nextBytes(guess);
                String token = Base64.getUrlEncoder().withoutPadding().encodeToString(guess);

                HttpResponse<byte[]> response = client.get("/assets/private/" + token);

                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
                assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            }
            assertThat(rejected.count() - before).isEqualTo(5.0);
        }
    }

    @Nested
    class Framing {

        @Test
        void requestLineOverEightKibIsRefused() throws Exception {
            assertThat(raw("GET /assets/" + "a".repeat(9_000) + "/download HTTP/1.1\r\nHost: x\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 4");
        }

        @Test
        void headersOverEightKibAreRefused() throws Exception {
            assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Padding: " + "a".repeat(9_000)
                    + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 4");
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                many.append("X-Padding-").append(i).append(": ").append("b".repeat(60)).append("\r\n");
            }
            assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + many + "Connection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 4");
        }

        /**
         * RFC 9112 §6.3: with both, Transfer-Encoding wins, Content-Length is ignored, and the server
         * must close the connection after responding. Tomcat does exactly that: one response, framed
         * by the chunked body, then {@code Connection: close} — the pipelined request behind it is
         * never read as part of anything.
         */
        @Test
        void contentLengthWithTransferEncodingIsFramedByTransferEncoding() throws Exception {
            String responses = rawAll("GET " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                    + "GET /assets/not-a-uuid/download HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(responses).startsWith("HTTP/1.1 200");
            assertThat(responses).contains("Connection: close").doesNotContain("HTTP/1.1 5");
            assertThat(responses.split("HTTP/1\\.1 ", -1)).hasSize(2);
        }

        @Test
        void duplicateContentLengthIsRefused() throws Exception {
            assertThat(raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n"
                    + "Connection: close\r\n\r\nab")).startsWith("HTTP/1.1 4");
        }

        /**
         * Requests Tomcat refuses before any filter runs (oversized headers, a URI that does not normalize, a
         * request target with illegal characters) still get problem JSON (DESIGN §4), on both APIs: Boot's
         * HTML error valve is replaced by {@code ProblemErrorReportValve}.
         */
        @Test
        void requestsTomcatRefusesGetProblemJson() throws Exception {
            for (int port : new int[] {Stack.port(stack.queryApi), Stack.port(stack.commandApi)}) {
                for (String request : List.of(
                        "GET " + path + " HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9_000) + "\r\nConnection: close\r\n\r\n",
                        "GET /assets/public/..%2f..%2fx HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                        "GET /assets/{x}/download HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")) {
                    assertThat(rawAll(port, request)).startsWith("HTTP/1.1 400")
                            .contains("Content-Type: application/problem+json")
                            .contains("\"type\":\"https://origo.dev/problems/http-400\"")
                            .doesNotContain("<html");
                }
            }
        }

        @Test
        void traversalAndGarbageIdsAreClientErrors() throws Exception {
            assertThat(client.get("/assets/..%2F..%2Fetc%2Fpasswd/download").statusCode()).isBetween(400, 499);
            assertThat(client.get("/assets/%00/download").statusCode()).isBetween(400, 499);
            assertThat(client.get("/assets/public/00000000-0000-0000-0000-00000000000g").statusCode()).isEqualTo(400);
        }
    }

    private static String rawAll(String request) throws Exception {
        return rawAll(Stack.port(stack.queryApi), request);
    }

    private static String rawAll(int port, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", Stack.port(stack.queryApi))) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12);
            return new String(head, StandardCharsets.ISO_8859_1);
        }
    }
}
