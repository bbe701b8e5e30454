package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/** An upload travels command-api → S3 + outbox → Debezium → Kafka → projector → query-api. */
class UploadToDownloadIT {

    private static Client client;

    @BeforeAll
    static void stack() throws Exception {
        client = new Client(Stack.get());
    }

    @Test
    void uploadedFileBecomesDownloadableWithStrongEtagAnd304() throws Exception {
        byte[] bytes = Bytes.random(100_000);
        String sha256 = Bytes.sha256(bytes);

        ResponseEntity<Map> created = client.upload(bytes, "report.pdf", "application/pdf", null);

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        @SuppressWarnings("unchecked") Map<String, Object> body = created.getBody();
        String id = (String) body.get("id");
        assertThat(body).containsEntry("filename", "report.pdf")
                .containsEntry("content_type", "application/pdf")
                .containsEntry("size", 100_000)
                .containsEntry("sha256", sha256)
                .containsEntry("etag", '"' + sha256 + '"')
                .containsEntry("is_public", true)
                .containsEntry("sequence", 1)
                .containsKey("created_at");
        assertThat(created.getHeaders().getLocation()).hasPath("/assets/" + id);

        String path = "/assets/" + id + "/download";
        HttpResponse<byte[]> download = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get(path), response -> response.statusCode() == 200);

        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
        assertThat(download.headers().firstValue("Cache-Control")).hasValue("public, s-maxage=3600, max-age=60");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Length")).hasValue("100000");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(download.headers().firstValue("Last-Modified")).isPresent();
        assertThat(download.headers().firstValue("Cache-Tag")).hasValue("asset-" + id);

        HttpResponse<byte[]> notModified = client.get(path, "If-None-Match", '"' + sha256 + '"');
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.headers().firstValue("ETag")).hasValue('"' + sha256 + '"');
        assertThat(notModified.headers().firstValue("Cache-Control")).hasValue("public, s-maxage=3600, max-age=60");

        HttpResponse<byte[]> head = client.head(path);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        for (String header : List.of("ETag", "Last-Modified", "Content-Type", "Content-Length", "Cache-Control",
                "Accept-Ranges", "X-Content-Type-Options", "Content-Disposition", "Cache-Tag", "Content-Digest")) {
            assertThat(head.headers().allValues(header)).as(header)
                    .isEqualTo(download.headers().allValues(header));
        }
    }

    @Test
    void privateAssetIsNotFoundOnThePublicPath() throws Exception {
        ResponseEntity<Map> created = client.upload(Bytes.random(10), "secret.bin", "application/octet-stream", false);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody()).containsEntry("is_public", false);

        HttpResponse<byte[]> download = client.get("/assets/" + created.getBody().get("id") + "/download");

        assertThat(download.statusCode()).isEqualTo(404);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void malformedIdIsBadRequest() throws Exception {
        HttpResponse<byte[]> download = client.get("/assets/not-a-uuid/download");

        assertThat(download.statusCode()).isEqualTo(400);
        assertThat(new String(download.body())).contains("\"type\":\"https://origo.dev/problems/malformed-id\"");
    }
}
