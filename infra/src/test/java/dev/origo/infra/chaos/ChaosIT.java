package dev.origo.infra.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * The fault test of issue 7: a bounded producer workload (504 uploads, 204 publishes, 72 token
 * issues and 30 revocations in six phases) runs while, one phase at a time, each part of the stack
 * is killed with SIGKILL and started again: command-api (with the relay inside), projector,
 * query-api, purge-worker, the Kafka broker and PostgreSQL. Afterwards every acknowledged command
 * must be in the write model exactly once with contiguous sequences, in the read model, served by
 * the query-api with its ETag and bytes, its blob in S3, and every publish purged in the ledger.
 * The results table goes to target/chaos-report.md.
 */
class ChaosIT {

    private static final int UPLOADS_PER_PHASE = 84;
    private static final int PUBLISHES_PER_PHASE = 34;
    private static final int TOKENS_PER_PHASE = 12;
    private static final int REVOCATIONS_PER_PHASE = 5;
    private static final int WORKERS = 4;
    /** The part is killed once this share of the phase's asset plans has run: mid-workload. */
    private static final double KILL_AT = 0.3;
    private static final Duration DOWNTIME = Duration.ofSeconds(1);
    private static final Duration COMMAND_DEADLINE = Duration.ofMinutes(3);
    private static final Duration PHASE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CONVERGENCE_TIMEOUT = Duration.ofMinutes(3);
    private static final long SEED = 7;

    @Test
    void everyAcknowledgedCommandSurvivesEachPartBeingKilled() throws Exception {
        Path home = Files.createTempDirectory("origo-chaos-");
        Random random = new Random(SEED);
        List<PhaseResult> results = new ArrayList<>();
        Map<Part, Workload.Run> runs = new EnumMap<>(Part.class);
        Map<Part, Map<String, Integer>> probes = new EnumMap<>(Part.class);
        try (ChaosStack stack = ChaosStack.start(home);
             Workload workload = new Workload(stack.commandUrl(), WORKERS, COMMAND_DEADLINE, SEED);
             Readers readers = new Readers(stack.queryUrl())) {
            Audit audit = new Audit(stack);
            for (Part part : Part.values()) {
                List<AssetPlan> plans = AssetPlan.phase(UPLOADS_PER_PHASE, PUBLISHES_PER_PHASE, TOKENS_PER_PHASE,
                        REVOCATIONS_PER_PHASE, random);
                readers.takeTally();
                Workload.Run run = workload.start(part, plans);
                runs.put(part, run);
                awaitProgress(run, (int) Math.ceil(plans.size() * KILL_AT));

                long killedAt = System.nanoTime();
                int exitStatus = stack.kill(part);
                Thread.sleep(DOWNTIME.toMillis());
                probes.put(part, probeWhileDown(stack, part));
                stack.restart(part);
                stack.awaitReady(part);
                Duration killToReady = Duration.ofNanos(System.nanoTime() - killedAt);

                run.await(PHASE_TIMEOUT);
                Duration convergence = audit.awaitConvergence(run.records, CONVERGENCE_TIMEOUT);
                results.add(new PhaseResult(part, exitStatus, killToReady, run.acknowledged.get(),
                        run.notAcknowledged.get(), convergence, run.failures, readers.takeTally()));
                readers.add(run.records);
            }
            Map<String, Integer> redeliveries = audit.redeliveries();
            for (PhaseResult result : results) {
                audit.check(runs.get(result.killed).records, result, redeliveries);
            }
        } finally {
            if (!results.isEmpty()) {
                ChaosReport.write(results, Path.of("target", "chaos-report.md"));
            }
        }

        assertThat(results).hasSize(Part.values().length);
        for (PhaseResult result : results) {
            assertThat(result.exitStatus).as("%s was killed by SIGKILL", result.killed.label()).isEqualTo(137);
            assertThat(result.notAcknowledged).as("commands never acknowledged while %s was down", result.killed.label()).isZero();
            assertThat(result.convergence).as("convergence after killing %s", result.killed.label()).isNotNull();
            assertThat(result.findings).as("findings after killing %s", result.killed.label()).isEmpty();
            assertThat(result.lost).isZero();
            assertThat(result.duplicated).isZero();
            assertThat(result.failedAttempts.keys()).as("command attempts while %s was down", result.killed.label())
                    .noneMatch(ChaosIT::isServerError);
            assertThat(result.reads.keys()).as("reads while %s was down", result.killed.label())
                    .noneMatch(ChaosIT::isServerError)
                    .doesNotContain(Readers.OTHER_BYTES);
        }
        // Readiness reflects what each service needs; liveness never does (a restart would not help).
        assertThat(probes.get(Part.KAFKA)).containsAllEntriesOf(Map.of(
                "command-api liveness", 200, "projector liveness", 200, "query-api liveness", 200, "purge-worker liveness", 200,
                "command-api readiness", 200, "projector readiness", 503, "query-api readiness", 503, "purge-worker readiness", 503));
        assertThat(probes.get(Part.POSTGRES)).containsAllEntriesOf(Map.of(
                "command-api liveness", 200, "projector liveness", 200, "query-api liveness", 200, "purge-worker liveness", 200,
                "command-api readiness", 503, "projector readiness", 503, "query-api readiness", 503, "purge-worker readiness", 503));
        int acknowledged = results.stream().mapToInt(result -> result.acknowledged).sum();
        assertThat(acknowledged).as("every planned command acknowledged")
                .isEqualTo(Part.values().length * (UPLOADS_PER_PHASE + PUBLISHES_PER_PHASE + TOKENS_PER_PHASE
                        + REVOCATIONS_PER_PHASE));
    }

    /** The liveness and readiness of every service that is still running while {@code killed} is down. */
    private static Map<String, Integer> probeWhileDown(ChaosStack stack, Part killed) {
        Map<String, Integer> statuses = new TreeMap<>();
        for (Part part : Part.values()) {
            if (part.isService() && part != killed) {
                for (String group : List.of("liveness", "readiness")) {
                    statuses.put(part.label() + " " + group, stack.health(part, group));
                }
            }
        }
        System.out.println("While " + killed.label() + " was down: " + statuses);
        return statuses;
    }

    /** A 500 (a failure the service did not understand) is never right: a part being down is a 503. */
    private static boolean isServerError(String outcome) {
        return outcome.startsWith("500");
    }

    private static void awaitProgress(Workload.Run run, int plansDone) {
        await().atMost(PHASE_TIMEOUT).pollInterval(Duration.ofMillis(20)).until(() -> run.plansDone.get() >= plansDone);
    }
}
