package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.origo.command.CommandApiApplication;
import dev.origo.infra.S3Node;
import dev.origo.query.QueryApiApplication;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 goes away and comes back. A command-api and a query-api of their own talk to an S3 server of this
 * test's own (the shared stack's S3 keeps running for every other test): while it is down, uploads and
 * downloads answer 503 problem JSON promptly and uploads leave nothing behind; when it returns, both work
 * again without a restart.
 */
class S3OutageIT extends CommandIT {

    /** Larger than the query-api's small-body cache (256 KB), so every download really goes to S3. */
    private static final int STREAMED_SIZE = 1024 * 1024;
    /** Far below any retry-and-hang, far above a fail-fast answer on a loaded machine. */
    private static final Duration PROMPT = Duration.ofSeconds(15);
    private static final String S3_ENDPOINT = "--origo.s3.endpoint=";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Path s3Directory;
    private static int s3Port;
    private static S3Node s3Node;
    private static ConfigurableApplicationContext ownCommandApi;
    private static ConfigurableApplicationContext ownQueryApi;

    @BeforeAll
    static void startOwnS3AndServices() throws Exception {
        s3Directory = Files.createTempDirectory("origo-s3-outage-");
        s3Port = freePort();
        s3Node = S3Node.start(s3Directory, s3Port, "origo");
        // Only one relay may hold the replication slot: the stack's relays this instance's outbox rows.
        ownCommandApi = CommandApiApplication.application().run(
                arguments("--origo.relay.enabled=false", CommandApiApplication.CONFIG_NAME));
        ownQueryApi = QueryApiApplication.application().run(arguments(QueryApiApplication.CONFIG_NAME));
    }

    /**
     * The stack's arguments with this test's S3 endpoint instead of the stack's: a repeated command-line
     * option would be joined with a comma, not overridden.
     */
    private static String[] arguments(String... extra) {
        List<String> arguments = new ArrayList<>(stack.commonArguments().stream()
                .filter(argument -> !argument.startsWith(S3_ENDPOINT)).toList());
        arguments.add(S3_ENDPOINT + s3Node.endpoint());
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    @AfterAll
    static void stopOwnS3AndServices() throws Exception {
        if (ownQueryApi != null) {
            ownQueryApi.close();
        }
        if (ownCommandApi != null) {
            ownCommandApi.close();
        }
        if (s3Node != null) {
            s3Node.close();
        }
    }

    @Test
    void answersServiceUnavailableWhileS3IsDownAndRecoversWhenItReturns() throws Exception {
        byte[] stored = Bytes.random(STREAMED_SIZE);
        Exchange created = uploadToOwn(stored, "stored-" + UUID.randomUUID() + ".bin");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");
        String sequence = String.valueOf(created.sequence());
        assertDownloads(id, sequence, stored);

        s3Node.close();
        s3Node = null;

        byte[] refused = Bytes.random(STREAMED_SIZE);
        String refusedName = "refused-" + UUID.randomUUID() + ".bin";
        long started = System.nanoTime();
        Exchange failedUpload = uploadToOwn(refused, refusedName);
        Duration uploadTook = Duration.ofNanos(System.nanoTime() - started);
        assertProblem(failedUpload, 503, "blob-store-unavailable");
        assertThat(failedUpload.header("Retry-After")).isEqualTo("5");
        assertThat(uploadTook).isLessThan(PROMPT);
        assertNothingRecorded(refusedName, Bytes.sha256(refused));

        started = System.nanoTime();
        HttpResponse<String> failedDownload = download(id, sequence);
        Duration downloadTook = Duration.ofNanos(System.nanoTime() - started);
        Exchange failed = new Exchange(failedDownload.statusCode(), failedDownload);
        assertProblem(failed, 503, "blob-store-unavailable");
        assertThat(failed.header("Retry-After")).isEqualTo("5");
        assertThat(failed.header("Cache-Control")).isEqualTo("no-store");
        // The representation's validators must not describe an error body.
        assertThat(failed.header("ETag")).isNull();
        assertThat(failed.header("Content-Digest")).isNull();
        assertThat(downloadTook).isLessThan(PROMPT);

        for (ConfigurableApplicationContext service : List.of(ownCommandApi, ownQueryApi)) {
            assertThat(probe(service, "readiness")).as("not ready without S3").isEqualTo(503);
            assertThat(probe(service, "liveness")).as("alive without S3: a restart would not help").isEqualTo(200);
        }

        s3Node = S3Node.start(s3Directory, s3Port, "origo");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> probe(ownCommandApi, "readiness") == 200 && probe(ownQueryApi, "readiness") == 200);

        assertThat(objectExists(Bytes.sha256(refused))).as("no object left by the refused upload").isFalse();
        assertDownloads(id, sequence, stored);
        byte[] later = Bytes.random(STREAMED_SIZE);
        String laterName = "recovered-" + UUID.randomUUID() + ".bin";
        Exchange recovered = uploadToOwn(later, laterName);
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(201);
        assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE filename = ?").param(laterName)
                .query(Long.class).single()).isEqualTo(1L);
        assertDownloads((String) recovered.json().get("id"), String.valueOf(recovered.sequence()), later);
    }

    private static void assertNothingRecorded(String filename, String sha256) {
        assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE filename = ? OR sha256 = ?")
                .param(filename).param(sha256).query(Long.class).single()).isZero();
        assertThat(jdbc().sql("SELECT count(*) FROM command.outbox WHERE envelope LIKE ? OR envelope LIKE ?")
                .param("%" + filename + "%").param("%" + sha256 + "%").query(Long.class).single()).isZero();
    }

    /** The download answers 200 with exactly these bytes (S3 may need a moment to take connections again). */
    private static void assertDownloads(String id, String sequence, byte[] expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<byte[]> response = HTTP.send(request(id, sequence), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(expected);
        });
    }

    private static HttpResponse<String> download(String id, String sequence) throws Exception {
        return HTTP.send(request(id, sequence), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest request(String id, String sequence) {
        return HttpRequest.newBuilder(URI.create(url(ownQueryApi) + "/assets/" + id + "/download"))
                .header("X-Min-Sequence", sequence)
                .timeout(Duration.ofSeconds(60))
                .GET().build();
    }

    private static Exchange uploadToOwn(byte[] file, String filename) {
        Multipart form = multipart(file, filename, "application/octet-stream");
        return sendTo(url(ownCommandApi), "POST", "/assets/upload", form.contentType(), form.body(),
                "Authorization", "Bearer " + Stack.PRODUCER_KEY);
    }

    private static boolean objectExists(String sha256) {
        try (S3Client s3 = S3Client.builder().endpointOverride(s3Node.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Node.ACCESS_KEY, S3Node.SECRET_KEY)))
                .build()) {
            s3.headObject(head -> head.bucket("origo").key("blobs/sha256/" + sha256));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static int probe(ConfigurableApplicationContext service, String group) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(service) + "/actuator/health/" + group))
                .timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String url(ConfigurableApplicationContext context) {
        return "http://127.0.0.1:" + Stack.port(context);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
