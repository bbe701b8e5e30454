package dev.origo.infra.chaos;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded producer workload: a few workers take asset plans from a queue and run each one's
 * commands in order through a retrying {@link CommandClient}. Acknowledged commands are recorded in
 * {@link AssetRecord}s; commands that were never acknowledged are counted.
 */
final class Workload implements AutoCloseable {

    private final CommandClient commands;
    private final ExecutorService workers;
    private final int concurrency;
    private final Random random;

    Workload(String commandUrl, int concurrency, Duration commandDeadline, long seed) {
        this.commands = new CommandClient(commandUrl, commandDeadline);
        this.concurrency = concurrency;
        this.workers = Executors.newFixedThreadPool(concurrency);
        this.random = new Random(seed);
    }

    /** A running phase of the workload. */
    final class Run {
        final Part phase;
        final Queue<AssetRecord> records = new ConcurrentLinkedQueue<>();
        final Tally failures = new Tally();
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger notAcknowledged = new AtomicInteger();
        final AtomicInteger plansDone = new AtomicInteger();
        final int plans;
        private final List<Future<?>> futures;

        private Run(Part phase, List<AssetPlan> plans) {
            this.phase = phase;
            this.plans = plans.size();
            Queue<AssetPlan> queue = new ConcurrentLinkedQueue<>(plans);
            List<byte[]> contents = plans.stream().map(plan -> content()).toList();
            Queue<byte[]> contentQueue = new ConcurrentLinkedQueue<>(contents);
            this.futures = java.util.stream.IntStream.range(0, concurrency)
                    .mapToObj(worker -> workers.submit(() -> {
                        AssetPlan plan;
                        while ((plan = queue.poll()) != null) {
                            runPlan(plan, contentQueue.poll());
                            plansDone.incrementAndGet();
                        }
                    }))
                    .<Future<?>>map(future -> future)
                    .toList();
        }

        /** Waits until every plan ran; a worker's failure (a command rejected with a 4xx) is rethrown. */
        void await(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (Future<?> future : futures) {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }

        private void runPlan(AssetPlan plan, byte[] content) {
            String filename = "chaos-" + phase.label() + ".bin";
            Optional<Reply> uploaded = commands.upload(content, filename, plan.isPublic(), failures);
            if (uploaded.isEmpty()) {
                notAcknowledged.incrementAndGet();
                return;
            }
            Reply upload = uploaded.get();
            acknowledged.incrementAndGet();
            AssetRecord record = new AssetRecord(phase, upload.text("id"), plan.isPublic(), sha256(content),
                    upload.text("etag"), upload.sequence());
            records.add(record);
            if (plan.publish()) {
                commands.publish(record.id, failures).ifPresentOrElse(reply -> {
                    acknowledged.incrementAndGet();
                    record.versions.add(new AssetRecord.Version(reply.text("version_id"),
                            reply.body().get("version_number").asInt(), reply.text("etag")));
                    record.acknowledged(reply.sequence());
                }, notAcknowledged::incrementAndGet);
            }
            if (plan.issueToken()) {
                Optional<Reply> issued = commands.issueToken(record.id, failures);
                if (issued.isEmpty()) {
                    notAcknowledged.incrementAndGet();
                    return;
                }
                acknowledged.incrementAndGet();
                AssetRecord.Token token = new AssetRecord.Token(issued.get().text("token_id"), issued.get().text("token"));
                record.tokens.add(token);
                record.acknowledged(issued.get().sequence());
                if (plan.revokeToken()) {
                    commands.revokeToken(record.id, token.tokenId, failures).ifPresentOrElse(reply -> {
                        acknowledged.incrementAndGet();
                        token.revoked = true;
                        record.acknowledged(reply.sequence());
                    }, notAcknowledged::incrementAndGet);
                }
            }
        }
    }

    Run start(Part phase, List<AssetPlan> plans) {
        return new Run(phase, plans);
    }

    /** Random bytes of 1–16 KiB: small enough for many uploads, large enough to be real bodies. */
    private byte[] content() {
        synchronized (random) {
            byte[] bytes = new byte[1024 + random.nextInt(15 * 1024)];
            random.nextBytes(bytes);
            return bytes;
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
