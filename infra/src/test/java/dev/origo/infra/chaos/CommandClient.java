package dev.origo.infra.chaos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A producer that retries: every command carries an Idempotency-Key, and an attempt that gets no
 * answer, a 5xx, a 429 or a 409 concurrent-modification is sent again with the same key until it
 * is acknowledged (2xx) or its deadline passes. What the failed attempts got is tallied.
 */
final class CommandClient {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String baseUrl;
    private final Duration deadline;

    CommandClient(String baseUrl, Duration deadline) {
        this.baseUrl = baseUrl;
        this.deadline = deadline;
    }

    Optional<Reply> upload(byte[] content, String filename, boolean isPublic, Tally failures) {
        String boundary = "chaos-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"is_public\"\r\n\r\n"
                + isPublic + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return send("POST", "/assets/upload", body.toByteArray(), "multipart/form-data; boundary=" + boundary, failures);
    }

    Optional<Reply> publish(String assetId, Tally failures) {
        return send("POST", "/assets/" + assetId + "/publish", new byte[0], null, failures);
    }

    Optional<Reply> issueToken(String assetId, Tally failures) {
        return send("POST", "/assets/" + assetId + "/access-token",
                "{\"expires_in\": 3600}".getBytes(StandardCharsets.UTF_8), "application/json", failures);
    }

    Optional<Reply> revokeToken(String assetId, String tokenId, Tally failures) {
        return send("DELETE", "/assets/" + assetId + "/access-tokens/" + tokenId, new byte[0], null, failures);
    }

    private Optional<Reply> send(String method, String path, byte[] body, String contentType, Tally failures) {
        String idempotencyKey = UUID.randomUUID().toString();
        long giveUpAt = System.nanoTime() + deadline.toNanos();
        long pause = 100;
        while (true) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .timeout(ATTEMPT_TIMEOUT)
                    .header("Authorization", "Bearer " + ChaosStack.PRODUCER_KEY)
                    .header("Idempotency-Key", idempotencyKey);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    return Optional.of(reply(response));
                }
                String problem = problemType(response);
                failures.add(status + (problem.isEmpty() ? "" : " " + problem));
                if (!retryable(status, problem)) {
                    throw new IllegalStateException(method + " " + path + " rejected: " + status + " "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                failures.add(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            if (System.nanoTime() > giveUpAt) {
                return Optional.empty();
            }
            sleep(pause);
            pause = Math.min(pause * 2, 1_000);
        }
    }

    private Reply reply(HttpResponse<byte[]> response) {
        JsonNode body = response.body().length == 0 ? json.createObjectNode() : json.readTree(response.body());
        long sequence = response.headers().firstValueAsLong("X-Sequence").orElse(-1);
        return new Reply(response.statusCode(), body, sequence);
    }

    private String problemType(HttpResponse<byte[]> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
            return "";
        }
        try {
            JsonNode type = json.readTree(response.body()).get("type");
            if (type == null) {
                return "";
            }
            String text = type.asString();
            return text.substring(text.lastIndexOf('/') + 1);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean retryable(int status, String problem) {
        return status >= 500 || status == 429 || status == 408 || (status == 409 && problem.contains("concurrent"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
