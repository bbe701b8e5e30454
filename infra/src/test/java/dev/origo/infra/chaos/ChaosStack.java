package dev.origo.infra.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.Uuid;

import dev.origo.infra.S3Node;

/**
 * The whole stack as separate processes, so that each can be killed with SIGKILL: Kafka (KRaft,
 * {@code kafka.Kafka} from Kafka's jars), PostgreSQL ({@code PostgresNode}, whose postmaster is a
 * daemon of its own) and the four services from their executable jars. The S3 server runs inside
 * the test JVM; it is not one of the parts the test kills. Ports are taken once and kept across
 * restarts, as a restarted process in production keeps its address.
 */
final class ChaosStack implements AutoCloseable {

    static final String PRODUCER_KEY = "chaos-producer-key";
    private static final String BUCKET = "origo";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Path home;
    private final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private final String infraClasspath;
    private final Path root = Path.of(System.getProperty("origo.root", "..")).toAbsolutePath().normalize();
    private final String version = System.getProperty("origo.version", "0.1.0-SNAPSHOT");
    private final Map<Part, Integer> ports = new EnumMap<>(Part.class);
    private final Map<Part, OsProcess> running = new EnumMap<>(Part.class);
    private final Map<Part, Integer> starts = new EnumMap<>(Part.class);
    private final int kafkaControllerPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final S3Node s3;
    private Thread stopper;
    private boolean closed;

    private ChaosStack(Path home) throws Exception {
        this.home = home;
        this.infraClasspath = infraClasspath();
        for (Part part : Part.values()) {
            ports.put(part, freePort());
        }
        kafkaControllerPort = freePort();
        s3 = S3Node.start(home.resolve("s3"), freePort(), BUCKET);
    }

    /** Starts every part and waits until all are ready. */
    static ChaosStack start(Path home) throws Exception {
        ChaosStack stack = new ChaosStack(home);
        // A test JVM that is stopped (Ctrl-C, a CI timeout) must not leave Kafka, PostgreSQL or a service behind.
        Thread stopper = new Thread(stack::close, "chaos-stack-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        stack.stopper = stopper;
        try {
            stack.formatKafka();
            stack.launch(Part.KAFKA);
            stack.launch(Part.POSTGRES);
            stack.awaitReady(Part.KAFKA);
            stack.awaitReady(Part.POSTGRES);
            for (Part part : Part.values()) {
                if (part.isService()) {
                    stack.launch(part);
                }
            }
            for (Part part : Part.values()) {
                if (part.isService()) {
                    stack.awaitReady(part);
                }
            }
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    String commandUrl() {
        return url(Part.COMMAND_API);
    }

    String queryUrl() {
        return url(Part.QUERY_API);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + ports.get(Part.POSTGRES) + "/postgres";
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + ports.get(Part.KAFKA);
    }

    private String url(Part part) {
        return "http://127.0.0.1:" + ports.get(part);
    }

    /** SIGKILL; for PostgreSQL also its postmaster and every backend. Returns the exit status of the part's process. */
    int kill(Part part) throws Exception {
        OsProcess process = running.remove(part);
        if (process == null) {
            throw new IllegalStateException(part.label() + " is not running");
        }
        List<ProcessHandle> postmaster = part == Part.POSTGRES ? postmasterTree() : List.of();
        int status = process.kill();
        for (ProcessHandle handle : postmaster) {
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : postmaster) {
            handle.onExit().get();
        }
        return status;
    }

    /** Starts a killed part again on the same port and data. */
    void restart(Part part) throws IOException {
        launch(part);
    }

    /** Waits until the part accepts work: Kafka and PostgreSQL log it, services answer 200 on health. */
    void awaitReady(Part part) throws Exception {
        OsProcess process = running.get(part);
        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .failFast(process + " exited during startup; log: " + process.log(), () -> !process.isAlive())
                .alias(process + " ready; log: " + process.log())
                .until(() -> isReady(part, process));
    }

    private boolean isReady(Part part, OsProcess process) throws IOException {
        return switch (part) {
            case KAFKA -> process.logContains("Kafka Server started");
            case POSTGRES -> process.logContains("PostgreSQL ready");
            default -> health(part, "") == 200;
        };
    }

    /** The status of a service's health endpoint, or of one group ({@code readiness}, {@code liveness}); 0 without an answer. */
    int health(Part part, String group) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url(part) + "/actuator/health"
                            + (group.isEmpty() ? "" : "/" + group)))
                    .timeout(Duration.ofSeconds(10)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void launch(Part part) throws IOException {
        int start = starts.merge(part, 1, Integer::sum);
        Path log = home.resolve("logs").resolve(part.label() + "-" + start + ".log");
        OsProcess process = switch (part) {
            case KAFKA -> OsProcess.start(part.label(), infraCommand("-Xmx384m", "kafka.Kafka",
                    home.resolve("kafka/server.properties").toString()), Map.of(), log);
            case POSTGRES -> OsProcess.start(part.label(), infraCommand("-Xmx128m", "dev.origo.infra.PostgresNode",
                    "--data", postgresData().toString(), "--port", String.valueOf(ports.get(part))), Map.of(), log);
            default -> OsProcess.start(part.label(), serviceCommand(part), Map.of(
                    "ORIGO_PURGE_PROVIDER", "log",
                    "ORIGO_PUBLIC_BASE_URL", queryUrlForLinks()), log);
        };
        running.put(part, process);
    }

    private String queryUrlForLinks() {
        return url(Part.QUERY_API);
    }

    private List<String> serviceCommand(Part part) {
        Path jar = root.resolve(part.label()).resolve("target").resolve(part.label() + "-" + version + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("missing " + jar + ": the services are packaged before infra's tests run");
        }
        return List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                "--server.port=" + ports.get(part),
                "--spring.jmx.enabled=false",
                "--spring.datasource.url=" + jdbcUrl(),
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrap(),
                "--origo.s3.endpoint=" + s3.endpoint(),
                "--origo.relay.event-partitions=4",
                // The same count as the broker's num.partitions: a notice topic created with other partitions would
                // be widened by a restarted projector, and its consumers would miss the new partitions for up to
                // metadata.max.age.ms (5 min): a ChaosIT run once failed to converge after the projector kill so.
                "--origo.projector.notice-partitions=4",
                "--origo.relay.heartbeat-interval=1s",
                "--origo.relay.restart-backoff=500ms",
                "--origo.auth.producer-keys.default=" + PRODUCER_KEY);
    }

    private List<String> infraCommand(String heap, String mainClass, String... arguments) {
        Path log4j = Path.of(System.getProperty("origo.infra.classes", "target/classes"), "log4j2.xml");
        List<String> command = new ArrayList<>(List.of(java, heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4j, "-Dlog4j.configurationFile=" + log4j,
                "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider", "-Dslf4j.internal.verbosity=WARN",
                "-cp", infraClasspath, mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Kafka's configuration from infra's template, on this stack's ports and directory; the storage formatted. */
    private void formatKafka() throws Exception {
        Path config = home.resolve("kafka/server.properties");
        Files.createDirectories(config.getParent());
        String template;
        try (InputStream in = ChaosStack.class.getResourceAsStream("/kafka/server.properties")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int broker = ports.get(Part.KAFKA);
        String text = template.replace("@ORIGO_HOME@", home.toString())
                .replace("127.0.0.1:19092", "127.0.0.1:" + broker)
                .replace("127.0.0.1:19093", "127.0.0.1:" + kafkaControllerPort)
                // Fewer partitions than the local stack: consumer groups settle faster after each kill.
                + "\nnum.partitions=4\n";
        Files.writeString(config, text);
        Path log = home.resolve("logs/kafka-storage.log");
        OsProcess format = OsProcess.start("kafka-storage", infraCommand("-Xmx128m", "kafka.tools.StorageTool",
                "format", "--config", config.toString(), "--cluster-id", Uuid.randomUuid().toString(),
                "--ignore-formatted"), Map.of(), log);
        if (!format.waitFor(Duration.ofSeconds(60))) {
            format.kill();
            throw new IllegalStateException("Kafka storage format did not finish; log: " + log);
        }
    }

    private Path postgresData() {
        return home.resolve("postgres");
    }

    /** The postmaster (a daemon started by pg_ctl, not a child of PostgresNode) and its backends. */
    private List<ProcessHandle> postmasterTree() throws IOException {
        Path pidFile = postgresData().resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return List.of();
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        Optional<ProcessHandle> postmaster = ProcessHandle.of(pid);
        if (postmaster.isEmpty()) {
            return List.of();
        }
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(postmaster.get());
        tree.addAll(postmaster.get().descendants().toList());
        return tree;
    }

    private static String infraClasspath() throws IOException {
        Path file = Path.of(System.getProperty("origo.infra.classpath", "target/infra-runtime.classpath"));
        String classes = System.getProperty("origo.infra.classes", "target/classes");
        return Files.readString(file).trim() + ":" + classes;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Services first, then PostgreSQL (its node shuts the postmaster down), Kafka, S3. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (stopper != null && Thread.currentThread() != stopper) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        List<Part> order = List.of(Part.PURGE_WORKER, Part.QUERY_API, Part.PROJECTOR, Part.COMMAND_API,
                Part.POSTGRES, Part.KAFKA);
        for (Part part : order) {
            OsProcess process = running.remove(part);
            try {
                if (process != null) {
                    process.stop(30);
                }
                if (part == Part.POSTGRES) {
                    for (ProcessHandle orphan : postmasterTree()) {
                        orphan.destroy();
                    }
                }
            } catch (Exception e) {
                System.err.println("chaos stack: could not stop " + part.label() + ": " + e);
            }
        }
        try {
            s3.close();
        } catch (Exception e) {
            System.err.println("chaos stack: could not stop S3: " + e);
        }
    }
}
