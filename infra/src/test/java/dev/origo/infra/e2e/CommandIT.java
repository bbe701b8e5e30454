package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;
import dev.origo.events.Topics;
import dev.origo.infra.S3Node;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the command-side end-to-end tests share: raw HTTP to the command-api (exact status, headers, body),
 * the events of one asset as they arrived on the real {@code origo.asset-events} topic, the write model
 * through the command-api's own {@link JdbcClient}, and the S3 server.
 */
abstract class CommandIT {

    static final String JSON = "application/json";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_BASE = "https://origo.dev/problems/";
    static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final EventCodec CODEC = new EventCodec();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Stack stack;

    @BeforeAll
    static void startStack() throws Exception {
        stack = Stack.get();
    }

    /** One HTTP exchange with the command-api. */
    record Exchange(int status, HttpResponse<String> response) {

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        String body() {
            return response.body();
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            return MAPPER.readValue(response.body(), Map.class);
        }

        long sequence() {
            return Long.parseLong(header("X-Sequence"));
        }
    }

    /** A request with the default producer key; {@code headers} are name, value pairs. */
    static Exchange send(String method, String path, String contentType, byte[] body, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + Stack.PRODUCER_KEY));
        all.addAll(List.of(headers));
        return sendRaw(method, path, contentType, body, all.toArray(String[]::new));
    }

    static Exchange sendRaw(String method, String path, String contentType, byte[] body, String... headers) {
        return sendTo(stack.commandUrl(), method, path, contentType, body, headers);
    }

    static Exchange sendTo(String baseUrl, String method, String path, String contentType, byte[] body,
                           String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Exchange json(String method, String path, String json, String... headers) {
        return send(method, path, JSON, json.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** A multipart/form-data body with a {@code file} part and optional extra fields (name, value pairs). */
    static Multipart multipart(byte[] file, String filename, String contentType, String... fields) {
        String boundary = "origo-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < fields.length; i += 2) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fields[i]
                    + "\"\r\n\r\n" + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    record Multipart(String contentType, byte[] body) {
    }

    static Exchange upload(byte[] file, String filename, String contentType, String... headers) {
        Multipart form = multipart(file, filename, contentType);
        return send("POST", "/assets/upload", form.contentType(), form.body(), headers);
    }

    /** Uploads and returns the new asset's id. */
    static UUID newAsset(byte[] file) {
        Exchange created = upload(file, "asset.bin", "application/octet-stream");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString((String) created.json().get("id"));
    }

    static Exchange replace(UUID id, byte[] file, String filename, String contentType, String... headers) {
        Multipart form = multipart(file, filename, contentType);
        return send("PUT", "/assets/" + id + "/content", form.contentType(), form.body(), headers);
    }

    /** Asserts an RFC 9457 problem response with the given status and stable type. */
    static void assertProblem(Exchange exchange, int status, String slug) {
        assertThat(exchange.status()).as(exchange.body()).isEqualTo(status);
        assertThat(exchange.header("Content-Type")).isEqualTo(PROBLEM_JSON);
        Map<String, Object> problem = exchange.json();
        assertThat(problem).containsEntry("type", PROBLEM_BASE + slug).containsEntry("status", status)
                .containsKeys("title", "detail");
        assertThat(exchange.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /**
     * The asset's events on the real topic, in order, once there are {@code count} of them. Because the key is
     * the asset id, all of an asset's events are on one partition in order: once the last expected one is
     * there, nothing earlier can still arrive, so an exact list assertion is safe.
     */
    static List<EventEnvelope> events(UUID assetId, int count) {
        List<EventEnvelope> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSET_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    if (assetId.toString().equals(record.key())) {
                        seen.add(CODEC.decode(record.value()));
                    }
                }
                return seen.size() >= count;
            });
        }
        seen.sort(Comparator.comparingLong(EventEnvelope::sequence));
        return seen;
    }

    static JdbcClient jdbc() {
        return stack.commandApi.getBean(JdbcClient.class);
    }

    static S3Client s3() {
        return S3Client.builder().endpointOverride(stack.s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Node.ACCESS_KEY, S3Node.SECRET_KEY)))
                .build();
    }

    static long blobSize(String sha256) {
        try (S3Client s3 = s3()) {
            return s3.headObject(head -> head.bucket("origo").key("blobs/sha256/" + sha256)).contentLength();
        }
    }
}
