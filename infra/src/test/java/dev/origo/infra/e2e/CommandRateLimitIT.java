package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A command-api of its own with tiny per-producer limits: past them, 429 problem JSON with {@code Retry-After},
 * nothing stored; once {@code Retry-After} has passed, the same request goes through. Each test spends the
 * budgets of a producer key of its own, so the tests do not depend on each other's order.
 */
class CommandRateLimitIT extends CommandIT {

    /** Long enough that a loaded machine sends the test's requests within one period. */
    private static final int PERIOD_SECONDS = 5;
    private static final String UPLOADER = "rate-uploader-key";
    private static final String OTHER_UPLOADER = "rate-other-uploader-key";
    private static final String COMMANDER = "rate-commander-key";
    private static final String WARM_UP = "rate-warm-up-key";

    private static ConfigurableApplicationContext limited;

    @BeforeAll
    static void startLimitedCommandApi() {
        limited = stack.startCommandApi(
                "--origo.auth.producer-keys.rate-uploader=" + UPLOADER,
                "--origo.auth.producer-keys.rate-other-uploader=" + OTHER_UPLOADER,
                "--origo.auth.producer-keys.rate-commander=" + COMMANDER,
                "--origo.auth.producer-keys.rate-warm-up=" + WARM_UP,
                "--origo.rate-limit.uploads.rate=1",
                "--origo.rate-limit.uploads.burst=1",
                "--origo.rate-limit.uploads.period=" + PERIOD_SECONDS + "s",
                "--origo.rate-limit.commands.rate=1",
                "--origo.rate-limit.commands.burst=2",
                "--origo.rate-limit.commands.period=" + PERIOD_SECONDS + "s");
        // The first upload of a fresh instance is slow (class loading, first S3 and database connections): a
        // producer of its own pays for it, so the tests' requests follow each other within one period.
        assertThat(uploadAs(WARM_UP, Bytes.random(100), "warm-up-" + UUID.randomUUID()).status()).isEqualTo(201);
        assertThat(commandAs(WARM_UP, "POST", "/assets/" + newAsset(Bytes.random(100)) + "/publish").status())
                .isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (limited != null) {
            limited.close();
        }
    }

    private static Exchange uploadAs(String key, byte[] bytes, String filename) {
        Multipart form = multipart(bytes, filename, "application/octet-stream");
        return sendTo(url(), "POST", "/assets/upload", form.contentType(), form.body(), "Authorization", "Bearer " + key);
    }

    private static Exchange commandAs(String key, String method, String path) {
        return sendTo(url(), method, path, null, null, "Authorization", "Bearer " + key);
    }

    private static String url() {
        return "http://127.0.0.1:" + Stack.port(limited);
    }

    @Test
    void uploadPastTheLimitIsTooManyRequestsStoresNothingAndGoesThroughAfterRetryAfter() {
        assertThat(uploadAs(UPLOADER, Bytes.random(100), "first-" + UUID.randomUUID()).status()).isEqualTo(201);
        byte[] refusedBytes = Bytes.random(100);
        String refusedName = "refused-" + UUID.randomUUID();

        Exchange refused = uploadAs(UPLOADER, refusedBytes, refusedName);
        long refusedAt = System.nanoTime();

        assertProblem(refused, 429, "rate-limited");
        long retryAfter = retryAfterSeconds(refused);
        assertThat(refused.json()).containsEntry("detail",
                "Too many uploads from this client; retry in " + retryAfter + " s.");
        assertNothingStored(refusedName, Bytes.sha256(refusedBytes));
        assertThat(refusals("upload")).isEqualTo(1.0);
        assertThat(uploadAs(OTHER_UPLOADER, Bytes.random(100), "other-" + UUID.randomUUID()).status())
                .as("another producer has a budget of its own").isEqualTo(201);

        waitUntil(refusedAt, retryAfter);
        Exchange retried = uploadAs(UPLOADER, refusedBytes, refusedName);

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE filename = ?").param(refusedName)
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void commandsShareOneBudgetApartFromUploads() {
        UUID id = newAsset(Bytes.random(100));
        String asset = "/assets/" + id;
        assertThat(commandAs(COMMANDER, "POST", asset + "/publish").status()).isEqualTo(201);
        assertThat(commandAs(COMMANDER, "POST", asset + "/access-token").status()).isEqualTo(201);
        long sequence = sequenceOf(id);

        Exchange refused = commandAs(COMMANDER, "POST", asset + "/publish");
        long refusedAt = System.nanoTime();

        assertProblem(refused, 429, "rate-limited");
        long retryAfter = retryAfterSeconds(refused);
        assertThat(sequenceOf(id)).as("the refused publish changed nothing").isEqualTo(sequence);
        assertThat(jdbc().sql("SELECT count(*) FROM command.versions WHERE asset_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(refusals("command")).isEqualTo(1.0);
        assertThat(uploadAs(COMMANDER, Bytes.random(100), "commander-" + UUID.randomUUID()).status())
                .as("uploads have a budget of their own").isEqualTo(201);

        waitUntil(refusedAt, retryAfter);
        Exchange retried = commandAs(COMMANDER, "POST", asset + "/publish");

        assertThat(retried.status()).as(retried.body()).isEqualTo(201);
        assertThat(retried.json()).containsEntry("version_number", 2);
    }

    private static long retryAfterSeconds(Exchange refused) {
        long seconds = Long.parseLong(refused.header("Retry-After"));
        assertThat(seconds).isBetween(1L, (long) PERIOD_SECONDS);
        return seconds;
    }

    /** Waits until {@code seconds} have passed since {@code since} (a nanoTime). */
    private static void waitUntil(long since, long seconds) {
        await().atMost(Duration.ofSeconds(seconds + 5)).pollInterval(Duration.ofMillis(50))
                .until(() -> System.nanoTime() - since >= Duration.ofSeconds(seconds).toNanos());
    }

    private static double refusals(String kind) {
        return limited.getBean(MeterRegistry.class).get("origo.command.rate_limited").tag("kind", kind)
                .counter().count();
    }

    private static long sequenceOf(UUID id) {
        return jdbc().sql("SELECT sequence FROM command.assets WHERE id = ?").param(id).query(Long.class).single();
    }

    private static void assertNothingStored(String filename, String sha256) {
        assertThat(jdbc().sql("SELECT count(*) FROM command.assets WHERE filename = ? OR sha256 = ?")
                .param(filename).param(sha256).query(Long.class).single()).isZero();
        assertThat(jdbc().sql("SELECT count(*) FROM command.outbox WHERE envelope LIKE ? OR envelope LIKE ?")
                .param("%" + filename + "%").param("%" + sha256 + "%").query(Long.class).single()).isZero();
        try (S3Client s3 = s3()) {
            assertThat(s3.listObjectsV2(list -> list.bucket("origo").prefix("blobs/sha256/" + sha256)).contents())
                    .isEmpty();
        }
    }
}
