package dev.origo.infra.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client reading while parts are killed: one thread downloads random public assets that were
 * acknowledged earlier, and tallies what it got. Its Caffeine caches let the query-api keep serving
 * while PostgreSQL or Kafka is down; while the query-api itself is down, connections are refused.
 */
final class Readers implements AutoCloseable {

    /** The outcome no kill may ever cause: a 200 whose body is not the asset's. */
    static final String OTHER_BYTES = "200 with other bytes";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String queryUrl;
    private final List<AssetRecord> readable = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile Tally tally = new Tally();
    private volatile boolean running = true;

    Readers(String queryUrl) {
        this.queryUrl = queryUrl;
        this.thread = new Thread(this::read, "chaos-reader");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Public assets whose upload was acknowledged and seen by the audit: from now on they are read. */
    void add(Iterable<AssetRecord> records) {
        for (AssetRecord record : records) {
            if (record.isPublic) {
                readable.add(record);
            }
        }
    }

    /** What the reads got since the last call; starts a new tally. */
    Tally takeTally() {
        Tally taken = tally;
        tally = new Tally();
        return taken;
    }

    private void read() {
        while (running) {
            if (readable.isEmpty()) {
                pause(100);
                continue;
            }
            AssetRecord record = readable.get(ThreadLocalRandom.current().nextInt(readable.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(queryUrl + "/assets/" + record.id + "/download"))
                    .timeout(Duration.ofSeconds(10)).build();
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                boolean intact = response.statusCode() != 200
                        || record.sha256.equals(Workload.sha256(response.body()));
                tally.add(intact ? String.valueOf(response.statusCode()) : OTHER_BYTES);
            } catch (IOException e) {
                tally.add(e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                return;
            }
            pause(10);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
