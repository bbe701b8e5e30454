package dev.origo.infra.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One row of the fault test's table: the part killed and what the audit found afterwards. */
final class PhaseResult {

    final Part killed;
    final int exitStatus;
    final Duration killToReady;
    final int acknowledged;
    final int notAcknowledged;
    final Duration convergence;
    final Tally failedAttempts;
    final Tally reads;
    int lost;
    int duplicated;
    int redelivered;
    final List<String> findings = new ArrayList<>();

    PhaseResult(Part killed, int exitStatus, Duration killToReady, int acknowledged, int notAcknowledged,
                Duration convergence, Tally failedAttempts, Tally reads) {
        this.killed = killed;
        this.exitStatus = exitStatus;
        this.killToReady = killToReady;
        this.acknowledged = acknowledged;
        this.notAcknowledged = notAcknowledged;
        this.convergence = convergence;
        this.failedAttempts = failedAttempts;
        this.reads = reads;
    }

    void lost(String finding) {
        lost++;
        findings.add(finding);
    }

    void duplicated(int count, String finding) {
        duplicated += count;
        findings.add(finding);
    }

    void finding(String finding) {
        findings.add(finding);
    }
}
