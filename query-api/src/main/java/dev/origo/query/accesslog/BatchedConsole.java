package dev.origo.query.accesslog;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Whole lines to an output stream, written by one thread of its own in batches: the first line of a batch wakes the
 * thread, which waits {@code linger} for more and writes them all with one {@code write}. A line is written at
 * most {@code linger} after it was queued, plus the time the batch before it took to write.
 *
 * <p>Hand-written because logback's appenders write and flush every event on the calling thread (its
 * {@code AsyncAppender} moves the work to a worker, which then writes event by event), and the access log's one
 * {@code write} system call per request was ~10 µs of kernel time per 304 on the bench machine (issue 6); nginx
 * offers the same trade as {@code access_log … buffer=}.
 *
 * <p>Bounded: when {@code capacity} bytes are queued, writers wait until the writer thread has taken them.
 * {@link #close} writes what is queued and stops the thread; lines written after that go out at once on the
 * caller's thread, so none is lost while the application shuts down.
 */
final class BatchedConsole implements AutoCloseable {

    private final Supplier<? extends OutputStream> out;
    private final int capacity;
    private final long lingerNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final Condition taken = lock.newCondition();
    private final Thread writer;
    private byte[] pending;
    private byte[] spare;
    private int size;
    private boolean closed;

    /**
     * @param out    where each batch goes, looked up per batch ({@code System::out} follows a replaced
     *               {@code System.out}, as logback's console appender does)
     * @param linger how long the writer thread waits after the first line of a batch for more, so that a busy
     *               server's lines go out in a few writes and wake the thread a few times per second
     */
    BatchedConsole(Supplier<? extends OutputStream> out, int capacity, Duration linger, String threadName) {
        this.out = out;
        this.capacity = capacity;
        this.lingerNanos = linger.toNanos();
        this.pending = new byte[capacity];
        this.spare = new byte[capacity];
        this.writer = new Thread(this::writeBatches, threadName);
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues one line (its bytes, newline included). */
    void write(byte[] line) {
        lock.lock();
        try {
            while (size >= capacity && !closed) {
                taken.awaitUninterruptibly();
            }
            if (closed) {
                writeNow(line, line.length);
                return;
            }
            if (size + line.length > pending.length) {
                pending = Arrays.copyOf(pending, size + line.length);   // one line past the capacity at most
            }
            System.arraycopy(line, 0, pending, size, line.length);
            boolean wasEmpty = size == 0;
            size += line.length;
            if (wasEmpty) {
                queued.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void writeBatches() {
        while (true) {
            byte[] batch;
            int length;
            lock.lock();
            try {
                while (size == 0 && !closed) {
                    queued.awaitUninterruptibly();
                }
                if (size == 0) {
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (lingerNanos > 0) {
                LockSupport.parkNanos(lingerNanos);     // let the batch fill: the lines meanwhile need no signal
            }
            lock.lock();
            try {
                batch = pending;
                length = size;
                pending = spare;
                spare = batch;
                size = 0;
                taken.signalAll();
            } finally {
                lock.unlock();
            }
            writeNow(batch, length);
        }
    }

    private void writeNow(byte[] bytes, int length) {
        OutputStream stream = out.get();
        try {
            stream.write(bytes, 0, length);
            stream.flush();
        } catch (IOException e) {
            // Standard output is gone: like logback's console appender, nothing else to write it to.
        }
    }

    /** Writes what is queued, then stops the writer thread (waiting for it at most {@code timeout}). */
    void close(long timeout, TimeUnit unit) throws InterruptedException {
        lock.lock();
        try {
            closed = true;
            queued.signal();
            taken.signalAll();
        } finally {
            lock.unlock();
        }
        writer.join(unit.toMillis(timeout));
    }

    @Override
    public void close() throws InterruptedException {
        close(5, TimeUnit.SECONDS);
    }
}
