package dev.origo.bench.load;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One keep-alive connection of an event loop, non-blocking, with at most one request outstanding (no pipelining).
 * A closed connection (never opened, {@code Connection: close}, closed by the server while idle, or failed) opens
 * again when it is next given a request, so its connect time counts in that request's latency, as a real client's
 * would; a server that refuses connections costs one attempt per due request, never a loop of retries.
 */
final class Connection {

    /** What a readiness event came to. */
    enum Outcome { NOTHING_YET, RESPONSE, FAILURE }

    private final Target target;
    private final Selector selector;
    private final ByteBuffer request;
    private final ByteBuffer in = ByteBuffer.allocateDirect(64 * 1024);
    private final ResponseParser parser = new ResponseParser();
    private SocketChannel channel;
    private SelectionKey key;
    private boolean connected;
    private boolean busy;
    private long due;
    private long sent;
    private long completed;

    Connection(Target target, Selector selector) {
        this.target = target;
        this.selector = selector;
        this.request = ByteBuffer.allocateDirect(target.request().length).put(target.request()).flip();
    }

    /**
     * Starts the exchange of the request due at {@code due}, opening the connection first if it is closed. Returns
     * false if that failed at once; the connection is then closed and free again.
     */
    boolean send(long due) {
        this.due = due;
        sent = System.nanoTime();
        busy = true;
        parser.reset();
        request.rewind();
        try {
            if (channel == null) {
                open();
            }
            if (connected) {
                write();
            }
            return true;
        } catch (IOException | RuntimeException e) {
            close();
            busy = false;
            return false;
        }
    }

    /** Handles the readiness the selector reported for {@code selected}, this connection's key. */
    Outcome ready(SelectionKey selected) {
        try {
            if (selected != key || !key.isValid()) {
                return Outcome.NOTHING_YET;
            }
            if (key.isConnectable()) {
                channel.finishConnect();
                connected = true;
                write();
            } else if (key.isWritable()) {
                write();
            }
            return key.isValid() && key.isReadable() ? read() : Outcome.NOTHING_YET;
        } catch (IOException | RuntimeException e) {
            return fail();
        }
    }

    int status() {
        return parser.status();
    }

    long due() {
        return due;
    }

    long sent() {
        return sent;
    }

    long completed() {
        return completed;
    }

    void close() {
        if (channel != null) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a benchmark connection: nothing to do about it
            }
            channel = null;
            key = null;
            connected = false;
        }
    }

    private void open() throws IOException {
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        connected = channel.connect(target.address());
        key = channel.register(selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
    }

    private void write() throws IOException {
        channel.write(request);
        int ops = request.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    private Outcome read() throws IOException {
        in.clear();
        int read = channel.read(in);
        long now = System.nanoTime();
        if (read < 0) {
            return endOfStream(now);
        }
        in.flip();
        if (!busy) {
            close();                                    // bytes nobody asked for: start afresh next time
            return Outcome.NOTHING_YET;
        }
        if (!parser.parse(in)) {
            return Outcome.NOTHING_YET;
        }
        if (in.hasRemaining()) {
            throw new IOException("bytes after the response to the one outstanding request");
        }
        return responded(now);
    }

    private Outcome endOfStream(long now) {
        if (busy && parser.endOfStream()) {
            return responded(now);
        }
        return fail();
    }

    private Outcome responded(long now) {
        completed = now;
        busy = false;
        if (parser.closeAfter()) {
            close();
        }
        return Outcome.RESPONSE;
    }

    /** Closes the connection; a request it was carrying failed, while an idle connection just closes. */
    private Outcome fail() {
        boolean carrying = busy;
        close();
        busy = false;
        return carrying ? Outcome.FAILURE : Outcome.NOTHING_YET;
    }
}
