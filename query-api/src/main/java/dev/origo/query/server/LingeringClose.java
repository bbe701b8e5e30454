package dev.origo.query.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket as httpd's lingering close does: shut down the output, so the client reads the whole answer and
 * then the end of the stream; read and discard what the client still sends until it closes its side, for at most
 * {@link #LINGER} and {@link #MAX_DISCARDED} bytes; then close. Closing with unread input instead makes the kernel
 * answer with a reset, which can destroy the answer before the client has read it.
 * <p>
 * The reads are asynchronous, on the socket's own channel group, so no thread waits for a slow client. A socket
 * that cannot be read any more (a read already pending, or one that timed out: the JDK refuses further reads) is
 * closed at once.
 */
final class LingeringClose implements CompletionHandler<Integer, Void> {

    /** httpd's {@code SECONDS_TO_LINGER}. */
    static final Duration LINGER = Duration.ofSeconds(2);

    /** Beyond this the client is not finishing a request but sending a body; it gets the reset. */
    static final long MAX_DISCARDED = 1024 * 1024;

    private final AsynchronousSocketChannel socket;
    private final ByteBuffer discard = ByteBuffer.allocate(8192);
    private final long deadline = System.nanoTime() + LINGER.toNanos();
    private long discarded;

    private LingeringClose(AsynchronousSocketChannel socket) {
        this.socket = socket;
    }

    static void start(AsynchronousSocketChannel socket) {
        if (socket == null || !socket.isOpen()) {
            return;
        }
        try {
            socket.shutdownOutput();
        } catch (IOException | RuntimeException notConnected) {
            close(socket);
            return;
        }
        new LingeringClose(socket).readMore();
    }

    @Override
    public void completed(Integer read, Void nothing) {
        if (read < 0) {
            close(socket);
            return;
        }
        discarded += read;
        readMore();
    }

    @Override
    public void failed(Throwable failure, Void nothing) {
        close(socket);
    }

    private void readMore() {
        long left = deadline - System.nanoTime();
        if (left <= 0 || discarded > MAX_DISCARDED) {
            close(socket);
            return;
        }
        discard.clear();
        try {
            socket.read(discard, left, TimeUnit.NANOSECONDS, null, this);
        } catch (RuntimeException notReadable) {
            close(socket);
        }
    }

    private static void close(AsynchronousSocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do; the JDK releases the descriptor either way.
        }
    }
}
