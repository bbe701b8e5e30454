package dev.origo.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class BatchedConsoleTest {

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSingleLineIsWrittenWithoutWaitingForMore() throws InterruptedException {
        CountDownLatch written = new CountDownLatch(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                super.write(b, off, len);
                written.countDown();
            }
        };
        BatchedConsole console = new BatchedConsole(() -> out, 1024, Duration.ofMillis(1), "test");
        try {
            console.write(line("one"));

            assertThat(written.await(10, TimeUnit.SECONDS)).as("written before close").isTrue();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("one\n");
        } finally {
            console.close();
        }
    }

    /**
     * A console that cannot take a write until {@link #open} is called, as a console under load is slow: lines queue
     * meanwhile and go out together.
     */
    private static final class GatedStream extends OutputStream {

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final AtomicInteger writes = new AtomicInteger();
        private final CountDownLatch gate = new CountDownLatch(1);

        void open() {
            gate.countDown();
        }

        @Override
        public void write(int b) {
            throw new UnsupportedOperationException("single bytes");
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            synchronized (this) {
                writes.incrementAndGet();
                bytes.write(b, off, len);
            }
        }
    }

    @Test
    void everyLineFromManyThreadsArrivesWholeInItsThreadsOrderInFewerWrites() throws InterruptedException {
        GatedStream out = new GatedStream();
        BatchedConsole console = new BatchedConsole(() -> out, 1024 * 1024, Duration.ofMillis(1), "test");
        int threads = 4;
        int perThread = 500;
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread writer = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    console.write(line("thread-" + id + " line-" + i + " " + "x".repeat(i % 97)));
                }
            });
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join();
        }
        out.open();
        console.close();

        String[] lines = out.bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(threads * perThread);
        int[] next = new int[threads];
        for (String text : lines) {
            String[] parts = text.split(" ");
            int thread = Integer.parseInt(parts[0].substring("thread-".length()));
            int index = Integer.parseInt(parts[1].substring("line-".length()));
            assertThat(index).as("thread %d's lines in order", thread).isEqualTo(next[thread]++);
            assertThat(text).isEqualTo("thread-" + thread + " line-" + index + " " + "x".repeat(index % 97));
        }
        assertThat(out.writes.get()).as("batched").isLessThan(threads * perThread / 2);
    }

    @Test
    void writersWaitWhenTheBufferIsFullAndLoseNothing() throws InterruptedException {
        GatedStream out = new GatedStream();
        BatchedConsole console = new BatchedConsole(() -> out, 64, Duration.ofMillis(1), "test");
        AtomicInteger queued = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                console.write(line("line-" + i));
                queued.incrementAndGet();
            }
        });
        writer.start();

        await().atMost(Duration.ofSeconds(10)).until(() -> writer.getState() == Thread.State.WAITING);
        assertThat(queued.get()).as("held back by the full buffer").isLessThan(100);
        out.open();
        writer.join();
        console.close();

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            expected.append("line-").append(i).append('\n');
        }
        assertThat(out.bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void aLineLongerThanTheBufferIsWrittenWhole() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchedConsole console = new BatchedConsole(() -> out, 16, Duration.ofMillis(1), "test");
        String longLine = "y".repeat(1000);

        console.write(line("short"));
        console.write(line(longLine));
        console.close();

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("short\n" + longLine + "\n");
    }

    @Test
    void linesAfterCloseAreWrittenAtOnce() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchedConsole console = new BatchedConsole(() -> out, 1024, Duration.ofMillis(1), "test");
        console.write(line("before"));
        console.close();

        console.write(line("after"));

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("before\nafter\n");
    }

    @Test
    void followsAReplacedStream() throws InterruptedException {
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        ByteArrayOutputStream second = new ByteArrayOutputStream();
        OutputStream[] current = {first};
        BatchedConsole console = new BatchedConsole(() -> current[0], 1024, Duration.ofMillis(1), "test");
        console.write(line("a"));
        console.close();
        current[0] = second;

        console.write(line("b"));

        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("a\n");
        assertThat(second.toString(StandardCharsets.UTF_8)).isEqualTo("b\n");
    }
}
