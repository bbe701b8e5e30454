package dev.origo.command.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The blob write as it reaches the S3 server: a presigned, unsigned-payload {@code PutObject} at the content
 * address, with the bytes exactly as spooled. A fake S3
 * endpoint records what arrives; the real S3 server is exercised by the end-to-end tests in {@code infra}.
 */
class BlobStoreTest {

    private record Received(String method, String path, String query, Headers headers, byte[] body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int headStatus = 404;
    private volatile int putStatus = 200;
    private HttpServer server;
    private SimpleMeterRegistry registry;
    private Clients clients;

    @TempDir
    Path directory;

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body));
            int status = exchange.getRequestMethod().equals("HEAD") ? headStatus : putStatus;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        S3Properties properties = new S3Properties(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "origo", "us-east-1", "key", "secret", new S3Properties.Timeouts(
                        Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMinutes(5)));
        S3Configuration configuration = new S3Configuration();
        clients = new Clients(configuration.s3Client(properties), configuration.s3Presigner(properties), properties);
        registry = new SimpleMeterRegistry();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        clients.close();
    }

    @Test
    void putsThePresignedUnsignedPayloadAtTheContentAddress() throws Exception {
        byte[] bytes = new byte[300_000];
        ThreadLocalRandom.current().nextBytes(bytes);
        Path file = Files.write(directory.resolve("upload.part"), bytes);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        String sha256 = HexFormat.of().formatHex(digest);

        store().store(sha256, file, bytes.length, "application/octet-stream");

        Received put = received.stream().filter(r -> r.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.path()).isEqualTo("/origo/blobs/sha256/" + sha256);
        assertThat(put.query()).contains("X-Amz-Signature=").contains("X-Amz-Expires=");
        assertThat(put.headers().getFirst("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(put.headers().getFirst("Content-Length")).isEqualTo(Integer.toString(bytes.length));
        // No aws-chunked framing and no signed payload: the body is the file, byte for byte.
        assertThat(put.headers().getFirst("x-amz-content-sha256")).isNull();
        assertThat(put.headers().getFirst("Content-Encoding")).isNull();
        assertThat(put.body()).isEqualTo(bytes);
        assertThat(registry.get("origo.blobs.written").counter().count()).isEqualTo(1);
    }

    @Test
    void anExistingBlobIsNotWrittenAgain() throws Exception {
        headStatus = 200;
        Path file = Files.writeString(directory.resolve("upload.part"), "same bytes");

        store().store("ab".repeat(32), file, Files.size(file), "text/plain");

        assertThat(received).extracting(Received::method).containsExactly("HEAD");
        assertThat(registry.get("origo.blobs.deduplicated").counter().count()).isEqualTo(1);
    }

    @Test
    void aRefusedPutIsBlobStoreUnavailable() throws Exception {
        putStatus = 403;
        Path file = Files.writeString(directory.resolve("upload.part"), "refused");

        assertThatThrownBy(() -> store().store("cd".repeat(32), file, Files.size(file), "text/plain"))
                .isInstanceOf(BlobStoreUnavailableException.class)
                .hasMessageContaining("answered 403");
        assertThat(registry.get("origo.blobs.written").counter().count()).isZero();
    }

    @Test
    void anUnreachableServerIsBlobStoreUnavailable() throws Exception {
        Path file = Files.writeString(directory.resolve("upload.part"), "nobody listens");
        BlobStore store = store();
        server.stop(0);

        assertThatThrownBy(() -> store.store("ef".repeat(32), file, Files.size(file), "text/plain"))
                .isInstanceOf(BlobStoreUnavailableException.class);
    }

    private BlobStore store() {
        return clients.store(registry);
    }

    /** The S3 client and presigner as the application builds them. */
    private record Clients(S3Client s3, S3Presigner presigner, S3Properties properties) {

        BlobStore store(SimpleMeterRegistry registry) {
            return new BlobStore(s3, presigner, properties, registry);
        }

        void close() {
            s3.close();
            presigner.close();
        }
    }
}
