package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetUploaded;

/**
 * A purge worker that stops in the middle of a batch (its edge unreachable, so the batch is stuck
 * retrying) has committed no offset for it: the next worker of the group purges every one of its
 * notices, and the ledger shows each as purged.
 */
class PurgeRestartIT {

    private static Stack stack;

    @BeforeAll
    static void start() throws Exception {
        VarnishEdge.assumeInstalled();
        stack = Stack.get();
    }

    private static JdbcClient ledger() {
        return JdbcClient.create(stack.purgeWorker.getBean(javax.sql.DataSource.class));
    }

    private static String outcome(UUID asset) {
        return ledger().sql("select outcome from purge.ledger where asset_id = ? and sequence = 2 and provider = 'varnish'")
                .param(asset).query(String.class).optional().orElse("none");
    }

    @Test
    void aWorkerStoppedMidBatchLosesNoPurge() throws Exception {
        String group = "purge-restart-it-" + UUID.randomUUID();
        List<UUID> assets = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            UUID asset = UUID.randomUUID();
            assets.add(asset);
            Events.publish(stack, asset, 1, new AssetUploaded("f.bin", "application/octet-stream", 1, "ab".repeat(32), true));
        }

        ConfigurableApplicationContext stuck = stack.startPurgeWorker(
                "--origo.purge.provider=varnish",
                "--origo.purge.varnish.edges=http://127.0.0.1:9",      // discard port: nothing answers
                "--origo.purge.retry.max-attempts=1000000",
                "--origo.purge.retry.initial-backoff=50ms",
                "--origo.purge.retry.max-backoff=200ms",
                "--spring.kafka.consumer.group-id=" + group);
        List<UUID> inFlight;
        try {
            for (UUID asset : assets) {
                Events.publish(stack, asset, 2, new AssetContentReplaced("g.bin", "application/octet-stream", 2,
                        "cd".repeat(32)));
            }
            // Mid-batch: the worker has started purges that it cannot finish.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !pendingEvents().isEmpty());
            inFlight = pendingEvents();
        } finally {
            stuck.close();
        }
        java.time.Instant stopped = java.time.Instant.now();
        assertThat(inFlight).as("events the stopped worker left unfinished").isNotEmpty();
        assertThat(pendingEvents()).as("still unfinished after it stopped").containsAll(inFlight);

        try (VarnishEdge edge = VarnishEdge.start(Stack.port(stack.queryApi))) {
            ConfigurableApplicationContext next = stack.startPurgeWorker(
                    "--origo.purge.provider=varnish",
                    "--origo.purge.varnish.edges=" + edge.url(),
                    "--spring.kafka.consumer.group-id=" + group);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> assets.stream().allMatch(asset -> outcome(asset).equals("purged"))
                                && ledgerOutcomes(inFlight).stream().allMatch("purged"::equals));
            } finally {
                next.close();
            }
        }
        List<Map<String, Object>> rows = ledger().sql("""
                select event_id, attempts, first_attempt_at, completed_at from purge.ledger
                 where provider = 'varnish' and event_id in (:events)""").param("events", inFlight).query().listOfRows();
        assertThat(rows).hasSameSizeAs(inFlight).allSatisfy(row -> {
            assertThat((Integer) row.get("attempts")).isPositive();
            assertThat(((java.sql.Timestamp) row.get("first_attempt_at")).toInstant())
                    .as("first tried by the stopped worker").isBefore(stopped);
            assertThat(((java.sql.Timestamp) row.get("completed_at")).toInstant())
                    .as("completed by the next one").isAfter(stopped);
        });
    }

    private static List<UUID> pendingEvents() {
        return ledger().sql("select event_id from purge.ledger where provider = 'varnish' and outcome = 'pending'")
                .query(UUID.class).list();
    }

    private static List<String> ledgerOutcomes(List<UUID> events) {
        return ledger().sql("select outcome from purge.ledger where provider = 'varnish' and event_id in (:events)")
                .param("events", events).query(String.class).list();
    }
}
