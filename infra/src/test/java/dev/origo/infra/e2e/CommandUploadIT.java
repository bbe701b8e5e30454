package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;

import dev.origo.command.CommandApiApplication;
import dev.origo.events.AssetUploaded;
import software.amazon.awssdk.services.s3.S3Client;

/** Upload hardening: dedup, empty files, sanitized names, types detected from the bytes, the size limit. */
class CommandUploadIT extends CommandIT {

    @Test
    void identicalContentAcrossAssetsIsStoredOnce() {
        byte[] bytes = Bytes.random(12_345);
        String sha256 = Bytes.sha256(bytes);
        UUID first = newAsset(bytes);
        UUID second = newAsset(Bytes.random(10));

        Exchange replaced = replace(second, bytes, "same.bin", "application/octet-stream");

        assertThat(replaced.json()).containsEntry("sha256", sha256);
        assertThat(first).isNotEqualTo(second);
        assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE sha256 = ? AND id IN (?, ?)")
                .params(sha256, first, second).query(Long.class).single()).isEqualTo(2L);
        try (S3Client s3 = s3()) {
            assertThat(s3.listObjectsV2(list -> list.bucket("origo").prefix("blobs/sha256/" + sha256)).contents())
                    .hasSize(1);
        }
    }

    @Test
    void zeroByteFileIsAnAssetWithTheEmptyStringsEtag() {
        String empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        Exchange created = upload(new byte[0], "empty.txt", "text/plain");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).containsEntry("size", 0).containsEntry("sha256", empty)
                .containsEntry("etag", '"' + empty + '"').containsEntry("content_type", "text/plain");
        assertThat(blobSize(empty)).isZero();
        UUID id = UUID.fromString((String) created.json().get("id"));
        assertThat(events(id, 1).get(0).payload()).isEqualTo(new AssetUploaded("empty.txt", "text/plain", 0, empty, true));
    }

    @Test
    void filenameLosesPathAndControlCharacters() {
        Exchange created = upload(Bytes.random(10), "../../etc/pass\u0007wd", "application/octet-stream");
        Exchange windows = upload(Bytes.random(10), "C:\\Users\\me\\report\u202E.pdf", "application/octet-stream");

        assertThat(created.json()).containsEntry("filename", "passwd");
        assertThat(windows.json()).containsEntry("filename", "report.pdf");
    }

    @Nested
    class ContentTypes {

        @Test
        void htmlDeclaredAsPlainTextIsStoredAsHtml() {
            byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
                    .getBytes(StandardCharsets.UTF_8);

            Exchange created = upload(html, "note.txt", "text/plain");

            assertThat(created.json()).containsEntry("content_type", "text/html");
        }

        @Test
        void svgDeclaredAsPngIsStoredAsSvg() {
            byte[] svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);

            Exchange created = upload(svg, "image.png", "image/png");

            assertThat(created.json()).containsEntry("content_type", "image/svg+xml");
        }

        @Test
        void genericDeclarationTakesTheDetectedType() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

            Exchange created = upload(png, "pixel", "application/octet-stream");

            assertThat(created.json()).containsEntry("content_type", "image/png");
        }

        @Test
        void specificPassiveDeclarationIsKept() {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

            assertThat(upload(png, "a.bin", "image/x-custom").json()).containsEntry("content_type", "image/x-custom");
            assertThat(upload(Bytes.random(100), "doc.pdf", "application/pdf").json())
                    .containsEntry("content_type", "application/pdf");
        }

        @Test
        void declaredActiveTypeIsKept() {
            byte[] html = "<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8);

            assertThat(upload(html, "page.xhtml", "application/xhtml+xml").json())
                    .containsEntry("content_type", "application/xhtml+xml");
        }
    }

    /** A second command-api on the same stack with a 1 MiB limit and its own spool directory. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SizeLimit {

        private static final int LIMIT = 1024 * 1024;
        private ConfigurableApplicationContext limited;
        private Path spool;

        @BeforeAll
        void startLimitedCommandApi() throws IOException {
            spool = Files.createTempDirectory("origo-spool-");
            limited = CommandApiApplication.application().run(
                    "--server.port=0", "--spring.jmx.enabled=false",
                    "--spring.datasource.url=" + stack.postgres.jdbcUrl(),
                    "--spring.kafka.bootstrap-servers=" + stack.kafka.getBrokersAsString(),
                    "--origo.s3.endpoint=" + stack.s3.endpoint(),
                    "--origo.relay.enabled=false",
                    "--origo.auth.producer-keys.default=" + Stack.PRODUCER_KEY,
                    "--origo.upload.max-size=1MB",
                    "--origo.upload.spool-directory=" + spool,
                    CommandApiApplication.CONFIG_NAME);
        }

        @AfterAll
        void stop() {
            limited.close();
        }

        private Exchange uploadTo(byte[] bytes) {
            Multipart form = multipart(bytes, "big.bin", "application/octet-stream");
            return sendTo("http://127.0.0.1:" + Stack.port(limited), "POST", "/assets/upload", form.contentType(),
                    form.body(), "Authorization", "Bearer " + Stack.PRODUCER_KEY);
        }

        @Test
        void declaredLengthPastTheLimitIsContentTooLargeAndStoresNothing() throws IOException {
            byte[] bytes = Bytes.random(LIMIT + LIMIT / 2);
            Multipart form = multipart(bytes, "big.bin", "application/octet-stream");

            Exchange rejected = sendTo(limitedUrl(), "POST", "/assets/upload", form.contentType(), form.body(),
                    "Authorization", "Bearer " + Stack.PRODUCER_KEY);

            assertProblem(rejected, 413, "upload-too-large");
            assertNothingStored(Bytes.sha256(bytes));
        }

        @Test
        void chunkedUploadPastTheLimitIsContentTooLargeAndStoresNothing() throws Exception {
            byte[] bytes = Bytes.random(LIMIT + LIMIT / 2);
            Multipart form = multipart(bytes, "big.bin", "application/octet-stream");
            HttpRequest request = HttpRequest.newBuilder(URI.create(limitedUrl() + "/assets/upload"))
                    .header("Authorization", "Bearer " + Stack.PRODUCER_KEY).header("Content-Type", form.contentType())
                    // No length: the body is chunked, so only counting the streamed bytes can stop it.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form.body())))
                    .build();

            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

            assertProblem(new Exchange(response.statusCode(), response), 413, "upload-too-large");
            assertNothingStored(Bytes.sha256(bytes));
        }

        @Test
        void uploadAtTheLimitIsAccepted() {
            Multipart form = multipart(Bytes.random(LIMIT), "big.bin", "application/octet-stream");

            Exchange accepted = sendTo(limitedUrl(), "POST", "/assets/upload", form.contentType(), form.body(),
                    "Authorization", "Bearer " + Stack.PRODUCER_KEY);

            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            assertThat(accepted.json()).containsEntry("size", LIMIT);
        }

        private String limitedUrl() {
            return "http://127.0.0.1:" + Stack.port(limited);
        }

        private void assertNothingStored(String sha256) throws IOException {
            try (S3Client s3 = s3()) {
                assertThat(s3.listObjectsV2(list -> list.bucket("origo").prefix("blobs/sha256/" + sha256)).contents())
                        .isEmpty();
            }
            assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE sha256 = ?").param(sha256)
                    .query(Long.class).single()).isZero();
            try (var files = Files.list(spool)) {
                assertThat(files.toList()).as("spooled parts are deleted").isEmpty();
            }
        }
    }
}
