package dev.origo.infra.chaos;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The fault test's results as a Markdown table, printed and written to target/chaos-report.md. */
final class ChaosReport {

    private ChaosReport() {
    }

    static String table(List<PhaseResult> results) {
        StringBuilder text = new StringBuilder("""
                | killed (SIGKILL) | exit | kill → ready | commands acknowledged | not acknowledged | lost | duplicated | redelivered by the relay (skipped) | converged after the workload | failed attempts the client retried | reads meanwhile |
                |---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (PhaseResult result : results) {
            text.append("| ").append(result.killed.label())
                    .append(" | ").append(result.exitStatus)
                    .append(" | ").append(seconds(result.killToReady))
                    .append(" | ").append(result.acknowledged)
                    .append(" | ").append(result.notAcknowledged)
                    .append(" | ").append(result.lost)
                    .append(" | ").append(result.duplicated)
                    .append(" | ").append(result.redelivered)
                    .append(" | ").append(result.convergence == null ? "never" : seconds(result.convergence))
                    .append(" | ").append(result.failedAttempts)
                    .append(" | ").append(result.reads)
                    .append(" |\n");
        }
        for (PhaseResult result : results) {
            for (String finding : result.findings) {
                text.append("\n- ").append(result.killed.label()).append(": ").append(finding);
            }
        }
        return text.toString();
    }

    static void write(List<PhaseResult> results, Path file) throws IOException {
        String table = table(results);
        System.out.println("Fault test results:\n" + table);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Fault test (ChaosIT)\n\n" + table + "\n");
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
