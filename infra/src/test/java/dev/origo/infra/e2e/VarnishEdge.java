package dev.origo.infra.e2e;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Varnish in front of a query-api, for end-to-end tests: {@code varnishd -F} (foreground, so
 * this fixture owns its PID) on a free loopback port with the shipped {@code varnish/origo.vcl},
 * whose marked backend port (and, if asked, purger ACL) is filled in. Tests using it are skipped,
 * with the reason, where {@code varnishd} is not installed. {@link #close()} stops exactly the
 * process it started.
 */
final class VarnishEdge implements AutoCloseable {

    static final Path VARNISHD = findVarnishd();
    private static final Path SHIPPED_VCL = Path.of("src/main/resources/varnish/origo.vcl");

    private final Process process;
    private final Path workDir;
    private final Path log;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private VarnishEdge(Process process, Path workDir, Path log, int port) {
        this.process = process;
        this.workDir = workDir;
        this.log = log;
        this.port = port;
    }

    /** Skips the calling test (JUnit assumption) when varnishd is not installed. */
    static void assumeInstalled() {
        assumeTrue(VARNISHD != null, "varnishd is not installed (Debian package 'varnish'; .ci/run installs it): "
                + "the real-edge tests are skipped");
    }

    /** An edge in front of the query-api on {@code backendPort}; purges allowed from loopback, as shipped. */
    static VarnishEdge start(int backendPort) throws Exception {
        return start(backendPort, null);
    }

    /**
     * An edge whose purger ACL holds only {@code purger} instead of loopback (null: as shipped), to see
     * PURGE and BAN refused from an address outside it.
     */
    static VarnishEdge start(int backendPort, String purger) throws Exception {
        assumeInstalled();
        String vcl = Files.readString(SHIPPED_VCL, StandardCharsets.UTF_8);
        vcl = replaceMarked(vcl, "origo:backend-port", "    .port = \"" + backendPort + "\";");
        if (purger != null) {
            vcl = vcl.replaceAll("(?m)^.*# origo:purger\\R", "")
                    .replace("acl purgers {", "acl purgers {\n    \"" + purger + "\";");
        }
        Path workDir = Files.createTempDirectory("origo-varnish-");
        Path vclFile = workDir.resolve("origo.vcl");
        Files.writeString(vclFile, vcl, StandardCharsets.UTF_8);
        // Started as root, varnishd drops to its own user (jail "unix") before it reads the VCL.
        Files.setPosixFilePermissions(workDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(vclFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        Path log = workDir.resolve("varnishd.log");
        int port = freePort();
        Process process = new ProcessBuilder(VARNISHD.toString(), "-F",
                "-a", "127.0.0.1:" + port,
                "-f", vclFile.toString(),
                "-n", workDir.resolve("n").toString(),
                "-s", "malloc,64m",
                // A test asks for a purge and then at once for the object: the ban lurker must not lag.
                "-p", "ban_lurker_sleep=0.01")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        VarnishEdge edge = new VarnishEdge(process, workDir, log, port);
        edge.awaitListening();
        return edge;
    }

    private static String replaceMarked(String vcl, String marker, String line) {
        String replaced = vcl.replaceAll("(?m)^.*# " + marker + "$", java.util.regex.Matcher.quoteReplacement(line));
        if (replaced.equals(vcl)) {
            throw new IllegalStateException("origo.vcl has no line marked " + marker);
        }
        return replaced;
    }

    private void awaitListening() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("varnishd exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(50);     // polling a port that is not open yet; not a test wait
            }
        }
        close();
        throw new IllegalStateException("varnishd did not listen on " + port + " within 30 s:\n" + Files.readString(log));
    }

    /**
     * Arguments for a purge worker that purges this edge, in a consumer group of its own (so it sees every
     * notice), followed by {@code extra}.
     */
    String[] purgeWorkerArguments(String groupPrefix, String... extra) {
        java.util.List<String> arguments = new java.util.ArrayList<>(java.util.List.of(
                "--origo.purge.provider=varnish",
                "--origo.purge.varnish.edges=" + url(),
                "--origo.purge.public-base-url=" + url(),
                "--spring.kafka.consumer.group-id=" + groupPrefix + "-" + java.util.UUID.randomUUID()));
        arguments.addAll(java.util.List.of(extra));
        return arguments.toArray(String[]::new);
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        return send("GET", path, headers);
    }

    HttpResponse<byte[]> send(String method, String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Stops this edge's varnishd by its PID (SIGTERM, then SIGKILL) and removes its working directory. */
    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(workDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    private static Path findVarnishd() {
        for (String candidate : List.of("/usr/sbin/varnishd", "/usr/local/sbin/varnishd", "/opt/homebrew/sbin/varnishd")) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
            Path path = Path.of(dir, "varnishd");
            if (!dir.isEmpty() && Files.isExecutable(path)) {
                return path;
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
