package dev.origo.infra.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.origo.command.CommandApiApplication;
import dev.origo.infra.PostgresNode;
import dev.origo.infra.S3Node;
import dev.origo.projector.ProjectorApplication;
import dev.origo.purge.PurgeWorkerApplication;
import dev.origo.query.QueryApiApplication;

/**
 * The whole pipeline for end-to-end tests, started once per test JVM: a real Kafka broker (KRaft),
 * a real PostgreSQL, a real S3-compatible server, and the four services, each in its own Spring
 * context on a free port.
 */
final class Stack {

    static final String PRODUCER_KEY = "e2e-producer-key";
    /** A second named producer key (producers are told apart, e.g. for Idempotency-Key scoping). */
    static final String SECOND_PRODUCER_KEY = "e2e-second-producer-key";

    private static Stack running;

    final PostgresNode postgres;
    final S3Node s3;
    final EmbeddedKafkaKraftBroker kafka;
    final ConfigurableApplicationContext commandApi;
    final ConfigurableApplicationContext projector;
    final ConfigurableApplicationContext queryApi;
    final ConfigurableApplicationContext purgeWorker;

    private final List<String> commonArguments;

    private Stack() throws Exception {
        Path home = Files.createTempDirectory("origo-e2e-");
        postgres = PostgresNode.start(home.resolve("postgres"), 0);
        s3 = S3Node.start(home.resolve("s3"), freePort(), "origo");
        kafka = new EmbeddedKafkaKraftBroker(1, 4);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        List<String> common = List.of(
                "--server.port=0",
                "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + postgres.jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "--origo.s3.endpoint=" + s3.endpoint(),
                "--origo.relay.event-partitions=4",
                "--origo.relay.heartbeat-interval=1s",
                "--origo.relay.restart-backoff=500ms",
                "--origo.auth.producer-keys.default=" + PRODUCER_KEY,
                "--origo.auth.producer-keys.second=" + SECOND_PRODUCER_KEY,
                "--origo.idempotency.cleanup-interval=1s");
        commonArguments = common;
        commandApi = start(CommandApiApplication.application(), CommandApiApplication.CONFIG_NAME, common);
        projector = start(ProjectorApplication.application(), ProjectorApplication.CONFIG_NAME, common);
        queryApi = start(QueryApiApplication.application(), QueryApiApplication.CONFIG_NAME, common);
        purgeWorker = start(PurgeWorkerApplication.application(), PurgeWorkerApplication.CONFIG_NAME, common);
    }

    static synchronized Stack get() throws Exception {
        if (running == null) {
            running = new Stack();
            Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "e2e-stack-stop"));
        }
        return running;
    }

    private static ConfigurableApplicationContext start(SpringApplicationBuilder application, String configName,
                                                        List<String> args) {
        List<String> all = new ArrayList<>(args);
        all.add(configName);
        return application.run(all.toArray(String[]::new));
    }

    /** One more query-api instance on the same stack (its own caches, its own notice group); the caller closes it. */
    ConfigurableApplicationContext startQueryApi(String... extraArguments) {
        List<String> arguments = new ArrayList<>(commonArguments);
        arguments.addAll(List.of(extraArguments));
        return start(QueryApiApplication.application(), QueryApiApplication.CONFIG_NAME, arguments);
    }

    /**
     * One more command-api instance on the same stack, without a relay (PostgreSQL admits one reader per
     * replication slot: the stack's relay publishes this instance's outbox rows too); the caller closes it.
     */
    ConfigurableApplicationContext startCommandApi(String... extraArguments) {
        List<String> arguments = new ArrayList<>(commonArguments);
        arguments.add("--origo.relay.enabled=false");
        arguments.addAll(List.of(extraArguments));
        return start(CommandApiApplication.application(), CommandApiApplication.CONFIG_NAME, arguments);
    }

    /**
     * One more purge worker on the same stack (its ledger rows are told apart by provider); the caller closes it.
     * Pass its own {@code --spring.kafka.consumer.group-id} to purge every notice independently of the stack's.
     */
    ConfigurableApplicationContext startPurgeWorker(String... arguments) {
        List<String> all = new ArrayList<>(commonArguments);
        all.addAll(List.of(arguments));
        return start(PurgeWorkerApplication.application(), PurgeWorkerApplication.CONFIG_NAME, all);
    }

    /** The arguments every service of the stack starts with (database, Kafka, S3, producer keys). */
    List<String> commonArguments() {
        return commonArguments;
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    String commandUrl() {
        return "http://127.0.0.1:" + port(commandApi);
    }

    String queryUrl() {
        return "http://127.0.0.1:" + port(queryApi);
    }

    private void stop() {
        List<AutoCloseable> parts = new ArrayList<>(List.of(purgeWorker, queryApi, projector, commandApi));
        parts.add(kafka::destroy);
        parts.add(s3);
        parts.add(postgres);
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("e2e stack: could not stop " + part + ": " + e);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
