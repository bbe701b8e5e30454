package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.origo.command.CommandApiApplication;

/**
 * Uploads stream: a command-api started as its own JVM with {@code -Xmx64m} accepts a file five times larger
 * than its whole heap. It runs against the stack's PostgreSQL, S3 server and Kafka with its relay off (the
 * stack's relay publishes its outbox rows, as a second instance behind a load balancer would).
 */
class CommandLargeUploadIT extends CommandIT {

    private static final long HEAP = 64L * 1024 * 1024;
    private static final long FILE_SIZE = 5 * HEAP;
    private static final int BLOCK = 1024 * 1024;

    private static Process process;
    private static String baseUrl;

    @BeforeAll
    static void startSmallHeapCommandApi() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://127.0.0.1:" + port;
        Path log = Files.createDirectories(Path.of("target")).resolve("large-upload-command-api.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), CommandApiApplication.class.getName(),
                "--server.port=" + port, "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + stack.postgres.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + stack.kafka.getBrokersAsString(),
                "--origo.s3.endpoint=" + stack.s3.endpoint(),
                "--origo.relay.enabled=false",
                "--origo.auth.producer-keys.default=" + Stack.PRODUCER_KEY))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("small-heap command-api died; see " + log).isTrue();
                    return sendTo(baseUrl, "GET", "/actuator/health/readiness", null, null).status() == 200;
                });
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void uploadsAFileFiveTimesLargerThanTheHeap() throws Exception {
        Map<String, Object> heapMax = sendTo(baseUrl, "GET", "/actuator/metrics/jvm.memory.max?tag=area:heap", null,
                null).json();
        double heap = ((Number) ((Map<?, ?>) ((List<?>) heapMax.get("measurements")).get(0)).get("value")).doubleValue();
        assertThat(heap).as("the JVM really runs with -Xmx64m").isBetween(1.0, (double) HEAP);
        byte[] block = Bytes.random(BLOCK);
        String sha256 = sha256OfRepeated(block, FILE_SIZE);
        String boundary = "origo-large-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"large.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/assets/upload"))
                .header("Authorization", "Bearer " + Stack.PRODUCER_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), repeated(block, FILE_SIZE),
                                new ByteArrayInputStream(tail))))), head.length + FILE_SIZE + tail.length))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Map<String, Object> body = new Exchange(response.statusCode(), response).json();
        assertThat(((Number) body.get("size")).longValue()).isEqualTo(FILE_SIZE);
        assertThat(body).containsEntry("sha256", sha256);
        assertThat(blobSize(sha256)).isEqualTo(FILE_SIZE);
        assertThat(process.isAlive()).isTrue();
        UUID id = UUID.fromString((String) body.get("id"));
        assertThat(events(id, 1).get(0).sequence()).isEqualTo(1);
    }

    private static InputStream repeated(byte[] block, long size) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                return position < size ? block[(int) (position++ % block.length)] & 0xff : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (position >= size) {
                    return -1;
                }
                int inBlock = (int) (position % block.length);
                int n = (int) Math.min(Math.min(length, block.length - inBlock), size - position);
                System.arraycopy(block, inBlock, buffer, offset, n);
                position += n;
                return n;
            }
        };
    }

    private static String sha256OfRepeated(byte[] block, long size) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (long done = 0; done < size; done += block.length) {
            sha256.update(block, 0, (int) Math.min(block.length, size - done));
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
