package dev.origo.infra.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** HTTP as a producer and a client see it: multipart uploads, raw GET/HEAD with exact headers. */
final class Client {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Stack stack;

    Client(Stack stack) {
        this.stack = stack;
    }

    /** Uploads bytes as multipart {@code file}; returns the status and the JSON body as a map. */
    ResponseEntity<Map> upload(byte[] bytes, String filename, String contentType, Boolean isPublic) {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return filename;
            }
        }).contentType(MediaType.parseMediaType(contentType));
        if (isPublic != null) {
            body.part("is_public", isPublic.toString());
        }
        return RestClient.create(stack.commandUrl()).post().uri("/assets/upload")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + Stack.PRODUCER_KEY)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(body.build())
                .retrieve()
                .onStatus(status -> true, (request, response) -> { })
                .toEntity(Map.class);
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> head(String path, String... headers) throws IOException, InterruptedException {
        return send("HEAD", path, headers);
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.queryUrl() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
