package dev.origo.command.idempotency;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes expired idempotency keys every {@code origo.idempotency.cleanup-interval}. Expired rows are ignored
 * on lookup anyway; this only bounds the table. Every instance may run it: the delete is idempotent.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyCleanup {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

    private final IdempotencyKeys keys;
    private final Clock clock;

    IdempotencyCleanup(IdempotencyKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${origo.idempotency.cleanup-interval:10m}",
            initialDelayString = "${origo.idempotency.cleanup-interval:10m}")
    void deleteExpired() {
        int deleted = keys.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.info("Deleted {} expired idempotency keys", deleted);
        }
    }
}
