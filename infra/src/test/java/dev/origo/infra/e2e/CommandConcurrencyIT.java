package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import dev.origo.events.EventEnvelope;

/** Concurrent commands on one asset get contiguous sequences: no gap, no duplicate, none lost. */
class CommandConcurrencyIT extends CommandIT {

    private static final int COMMANDS = 50;

    @Test
    void fiftyConcurrentCommandsOnOneAssetGetContiguousSequences() throws Exception {
        UUID id = newAsset(Bytes.random(500));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(COMMANDS);
        List<Future<Exchange>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < COMMANDS; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    // No PATCH: one that asks for the visibility the asset already has records nothing.
                    return n % 2 == 0
                            ? send("POST", "/assets/" + id + "/publish", null, null)
                            : send("POST", "/assets/" + id + "/access-token", null, null);
                }));
            }
            start.countDown();
            List<Exchange> replies = new ArrayList<>();
            for (Future<Exchange> future : futures) {
                replies.add(future.get());
            }

            List<Exchange> succeeded = replies.stream().filter(r -> r.status() < 300).toList();
            replies.stream().filter(r -> r.status() >= 300).forEach(r -> assertProblem(r, 409, "concurrent-modification"));
            assertThat(succeeded).as("with the default retry bound every command should get through").hasSize(COMMANDS);
            assertThat(succeeded).extracting(Exchange::sequence).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, COMMANDS + 1).boxed().toList());
            assertThat(jdbc().sql("SELECT sequence FROM command.assets WHERE id = ?").param(id).query(Long.class)
                    .single()).isEqualTo(COMMANDS + 1L);
            assertThat(jdbc().sql("SELECT number FROM command.versions WHERE asset_id = ? ORDER BY number").param(id)
                    .query(Integer.class).list())
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, COMMANDS / 2).boxed().toList());
            assertThat(events(id, COMMANDS + 1)).extracting(EventEnvelope::sequence)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, COMMANDS + 1).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
