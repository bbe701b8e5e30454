package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 100 MiB upload through the command-api (HTTP in, spool + SHA-256, type detection, HEAD + PutObject, one
 * transaction) against a direct PutObject of a file of the same size to the same S3 server, in one run. Best
 * of two rounds each; the numbers are printed and written to {@code target/upload-throughput.txt}.
 */
class CommandUploadThroughputIT extends CommandIT {

    private static final int MIB = 1024 * 1024;
    private static final int SIZE = 100 * MIB;

    @Test
    void uploadThroughputIsWithinReachOfADirectPutObject() throws Exception {
        double bestUpload = 0;
        double bestDirect = 0;
        try (S3Client s3 = s3()) {
            for (int round = 0; round < 2; round++) {
                Path file = randomFile();
                try {
                    long start = System.nanoTime();
                    s3.putObject(put -> put.bucket("origo").key("bench/direct-" + UUID.randomUUID()).contentLength((long) SIZE),
                            RequestBody.fromFile(file));
                    bestDirect = Math.max(bestDirect, mibPerSecond(System.nanoTime() - start));

                    Path other = randomFile();
                    start = System.nanoTime();
                    HttpResponse<String> response = upload(other);
                    bestUpload = Math.max(bestUpload, mibPerSecond(System.nanoTime() - start));
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    Files.delete(other);
                } finally {
                    Files.delete(file);
                }
            }
        }
        String report = String.format(Locale.ROOT,
                "100 MiB: command-api upload %.1f MiB/s, direct PutObject %.1f MiB/s (best of 2 each)%n",
                bestUpload, bestDirect);
        System.out.print(report);
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("upload-throughput.txt"), report);
        // Loose regression bound: the upload path adds a disk spool and a hash, not a different order of magnitude.
        assertThat(bestUpload).isGreaterThan(bestDirect / 10);
    }

    private static HttpResponse<String> upload(Path file) throws Exception {
        String boundary = "origo-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.commandUrl() + "/assets/upload"))
                .header("Authorization", "Bearer " + Stack.PRODUCER_KEY)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Path randomFile() throws Exception {
        Path file = Files.createTempFile("origo-bench-", ".bin");
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < SIZE / MIB; i++) {
                out.write(Bytes.random(MIB));
            }
        }
        return file;
    }

    private static double mibPerSecond(long nanos) {
        return (SIZE / (double) MIB) / (nanos / 1e9);
    }
}
