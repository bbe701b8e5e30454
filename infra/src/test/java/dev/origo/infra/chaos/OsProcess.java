package dev.origo.infra.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process started by the fault test, its output in a log file of its own. Killing it is SIGKILL
 * to it and to every process it started (the JDK's destroyForcibly is SIGKILL on Linux).
 */
final class OsProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private OsProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static OsProcess start(String name, List<String> command, Map<String, String> environment, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new OsProcess(name, builder.start(), log);
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    boolean logContains(String text) throws IOException {
        return Files.exists(log) && Files.readString(log).contains(text);
    }

    /** Waits for the process to exit by itself; false if it still runs after {@code timeout}. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** SIGKILL to this process and its descendants; returns the exit status (137 after a SIGKILL). */
    int kill() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL");
        }
        return process.exitValue();
    }

    /** SIGTERM, up to {@code seconds} to exit, then SIGKILL. */
    void stop(int seconds) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ")";
    }
}
