package dev.origo.bench;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Commit → visible in the query-api, as infra/scripts/visibility-latency.py measures it: upload 1 KiB,
 * then one GET with {@code X-Min-Sequence} (the query-api waits server-side until its read model holds
 * the upload). Latency = upload answer received → the download's 200 received. When the read model
 * takes longer than the query-api's wait bound, it answers 503 and the GET is repeated: that sample is
 * the time until the 200, not a failed run.
 *
 * <pre>java dev.origo.bench.VisibilityLatency COUNT COMMAND_URL QUERY_URL PRODUCER_KEY</pre>
 * Prints one line of {@code key=value} pairs (milliseconds).
 */
public final class VisibilityLatency {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");

    private VisibilityLatency() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String command = args[1];
        String query = args[2];
        String key = args[3];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Histogram latencies = new Histogram(1_000L, 60_000_000_000L, 3);
        for (int i = 0; i < count; i++) {
            String boundary = UUID.randomUUID().toString();
            byte[] payload = new byte[1024];
            ThreadLocalRandom.current().nextBytes(payload);
            HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(command + "/assets/upload"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, payload)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            long received = System.nanoTime();
            if (uploaded.statusCode() != 201) {
                throw new IllegalStateException("upload answered " + uploaded.statusCode() + ": " + uploaded.body());
            }
            String id = group(ID, uploaded.body());
            HttpRequest visible = HttpRequest.newBuilder(URI.create(query + "/assets/" + id + "/download"))
                    .header("X-Min-Sequence", group(SEQUENCE, uploaded.body()))
                    .build();
            HttpResponse<Void> download = http.send(visible, HttpResponse.BodyHandlers.discarding());
            for (int retry = 0; download.statusCode() == 503 && retry < 10; retry++) {
                download = http.send(visible, HttpResponse.BodyHandlers.discarding());
            }
            if (download.statusCode() != 200) {
                throw new IllegalStateException("download of " + id + " answered " + download.statusCode());
            }
            latencies.recordValue(System.nanoTime() - received);
        }
        System.out.println(String.format(Locale.ROOT, "count=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f",
                count, latencies.getValueAtPercentile(50) / 1e6, latencies.getValueAtPercentile(90) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6, latencies.getMaxValue() / 1e6));
    }

    private static String group(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(pattern + " not in " + body);
        }
        return matcher.group(1);
    }

    private static byte[] multipart(String boundary, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(payload);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
