package dev.origo.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (zonky's binaries) set up for Debezium: logical WAL, replication slots,
 * and synchronous commits. Data survives a restart when the same directory is used again.
 */
public final class PostgresNode implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresNode(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on {@code port} (0 picks a free one) with its data in {@code dataDirectory}. */
    public static PostgresNode start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // Keep the data between runs: ./origo promises that data survives a restart.
                .setCleanDataDirectory(false)
                // Debezium's pgoutput needs logical decoding and a replication slot.
                .setServerConfig("wal_level", "logical")
                .setServerConfig("max_wal_senders", "10")
                .setServerConfig("max_replication_slots", "10")
                // zonky turns synchronous_commit off; that tripled capture latency in a measurement here.
                .setServerConfig("synchronous_commit", "on")
                // Room for four services' pools plus the replication connection.
                .setServerConfig("max_connections", "200");
        if (port > 0) {
            builder.setPort(port);
        }
        return new PostgresNode(builder.start());
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** {@code --data DIR --port N}: runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        NodeArguments arguments = NodeArguments.parse(args);
        PostgresNode node = start(arguments.path("data"), arguments.integer("port"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(node), "postgres-stop"));
        System.out.println("PostgreSQL ready on " + node.jdbcUrl() + " (user postgres)");
        Thread.currentThread().join();
    }

    private static void closeQuietly(PostgresNode node) {
        try {
            node.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e);
        }
    }
}
