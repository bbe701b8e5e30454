package dev.origo.query.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class BlobChunksTest {

    private static final String SHA = "a".repeat(64);
    private static final int CHUNK = 16;

    private final byte[] blob = random(100);           // six full chunks and one of 4 bytes
    private final Blob source = new Blob(blob);
    private final BlobChunks chunks = chunks(CHUNK, 1024, 64);

    private static BlobChunks chunks(long size, long capacity, long maxRange) {
        return new BlobChunks(new CacheProperties.Chunks(DataSize.ofBytes(size), DataSize.ofBytes(capacity),
                DataSize.ofBytes(maxRange)));
    }

    private byte[] copy(BlobChunks cache, long first, long last) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        cache.copy(SHA, blob.length, first, last, out, source);
        return out.toByteArray();
    }

    @Nested
    class Bytes {

        @Test
        void servesExactlyTheBytesOfEveryRange() throws IOException {
            for (int first = 0; first < blob.length; first++) {
                for (int last = first; last < blob.length; last += 7) {
                    assertThat(copy(chunks, first, last)).as("%d-%d", first, last)
                            .isEqualTo(Arrays.copyOfRange(blob, first, last + 1));
                }
            }
        }

        @Test
        void readsAlignedChunksAndAShorterLastOne() throws IOException {
            copy(chunks, 20, 99);

            assertThat(source.reads).containsExactly("16-31", "32-47", "48-63", "64-79", "80-95", "96-99");
        }
    }

    @Nested
    class Reads {

        @Test
        void readsEachChunkOnceThenServesItFromMemory() throws IOException {
            copy(chunks, 10, 40);
            int first = source.count.get();

            byte[] again = copy(chunks, 10, 40);
            byte[] overlapping = copy(chunks, 0, 47);

            assertThat(first).isEqualTo(3);
            assertThat(source.count).hasValue(3);
            assertThat(again).isEqualTo(Arrays.copyOfRange(blob, 10, 41));
            assertThat(overlapping).isEqualTo(Arrays.copyOfRange(blob, 0, 48));
            assertThat(chunks.contains(SHA, 0, 47)).isTrue();
            assertThat(chunks.contains(SHA, 0, 48)).isFalse();
        }

        @Test
        void concurrentMissesOfOneChunkReadItOnce() throws Exception {
            CountDownLatch release = new CountDownLatch(1);
            Blob slow = new Blob(blob) {
                @Override
                public byte[] read(String sha256, long first, long last) {
                    waiting.incrementAndGet();
                    awaitRelease(release);
                    return super.read(sha256, first, last);
                }
            };
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<byte[]>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(threads.submit(() -> {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        chunks.copy(SHA, blob.length, 3, 9, out, slow);
                        return out.toByteArray();
                    }));
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> slow.waiting.get() >= 1);
                release.countDown();

                for (Future<byte[]> result : results) {
                    assertThat(result.get(5, TimeUnit.SECONDS)).isEqualTo(Arrays.copyOfRange(blob, 3, 10));
                }
                assertThat(slow.count).hasValue(1);
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void failedReadIsThrownAndNotCached() throws IOException {
            source.failures.set(1);

            assertThatThrownBy(() -> copy(chunks, 0, 5)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("S3 is down");

            assertThat(copy(chunks, 0, 5)).isEqualTo(Arrays.copyOfRange(blob, 0, 6));
            assertThat(source.count).hasValue(2);
        }

        @Test
        void shortReadIsRefusedAndNotCached() {
            BlobChunks.Source truncating = (sha256, first, last) -> new byte[(int) (last - first)];

            assertThatThrownBy(() -> chunks.copy(SHA, blob.length, 0, 5, new ByteArrayOutputStream(), truncating))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(chunks.contains(SHA, 0, 5)).isFalse();
        }

        @Test
        void keepsWithinItsCapacity() throws IOException {
            BlobChunks small = chunks(CHUNK, 2 * CHUNK, 64);

            copy(small, 0, 99);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> countCached(small) <= 2);   // eviction runs on Caffeine's maintenance thread
            int before = source.count.get();
            copy(small, 0, 99);

            assertThat(source.count.get() - before).isGreaterThanOrEqualTo(5);
        }

        private long countCached(BlobChunks cache) {
            long cached = 0;
            for (int first = 0; first < blob.length; first += CHUNK) {
                cached += cache.contains(SHA, first, first) ? 1 : 0;
            }
            return cached;
        }
    }

    @Nested
    class Limits {

        @Test
        void servesRangesUpToItsMaximumLength() {
            assertThat(chunks.serves(64)).isTrue();
            assertThat(chunks.serves(65)).isFalse();
        }

        @Test
        void aCapacityBelowOneChunkTurnsItOff() {
            assertThat(chunks(CHUNK, CHUNK - 1, 64).serves(1)).isFalse();
        }

        @Test
        void refusesAChunkSizeOfZero() {
            assertThatThrownBy(() -> chunks(0, 1024, 64)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] random(int length) {
        byte[] bytes = new byte[length];
        new Random(6).nextBytes(bytes);
        return bytes;
    }

    private static void awaitRelease(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A blob store in memory that counts reads; fails as often as {@code failures} says. */
    private static class Blob implements BlobChunks.Source {
        final byte[] bytes;
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger waiting = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        final List<String> reads = new ArrayList<>();

        Blob(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public byte[] read(String sha256, long first, long last) {
            count.incrementAndGet();
            synchronized (reads) {
                reads.add(first + "-" + last);
            }
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("S3 is down");
            }
            return Arrays.copyOfRange(bytes, (int) first, (int) last + 1);
        }
    }
}
