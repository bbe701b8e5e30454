package dev.origo.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * A small HTTP/1.1 server on 127.0.0.1 and a free port for the generator's tests: a thread per connection, and each
 * request answered as the test's script says, counted over all connections.
 */
final class ScriptedServer implements AutoCloseable {

    /**
     * An answer: {@code parts} written one by one with a millisecond between them, so that the client reads them
     * separately; then the connection is closed if {@code close}. A positive {@code stallMillis} first stalls every
     * connection of the server for that long (a pause of the whole server, like a long GC). No parts at all: the
     * request is never answered.
     */
    record Reply(List<byte[]> parts, boolean close, long stallMillis) {

        static Reply of(String... parts) {
            return new Reply(List.of(parts).stream().map(ScriptedServer::bytes).toList(), false, 0);
        }

        static Reply never() {
            return new Reply(List.of(), false, 0);
        }

        Reply thenClose() {
            return new Reply(parts, true, stallMillis);
        }

        Reply afterStallingFor(long millis) {
            return new Reply(parts, close, millis);
        }
    }

    private final IntFunction<Reply> script;
    private final ServerSocket server;
    private final Queue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long stalledUntil = System.nanoTime();
    private volatile String lastRequest;

    ScriptedServer(IntFunction<Reply> script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/asset?x=1";
    }

    /** Requests received so far, over all connections. */
    int requests() {
        return requests.get();
    }

    /** The head of the last request received, as it came. */
    String lastRequest() {
        return lastRequest;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                connections.incrementAndGet();
                Thread handler = new Thread(() -> serve(socket), "scripted-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;                                 // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (readRequest(in)) {
                Reply reply = script.apply(requests.getAndIncrement());
                if (reply.stallMillis() > 0) {
                    stalledUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(reply.stallMillis());
                }
                for (long wait = stalledUntil - System.nanoTime(); wait > 0; wait = stalledUntil - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                if (reply.parts().isEmpty()) {
                    continue;                           // never answered: wait for the client to give up
                }
                write(out, reply.parts());
                if (reply.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static void write(OutputStream out, List<byte[]> parts) throws IOException {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            out.write(parts.get(i));
            out.flush();
        }
    }

    /** Reads a request's head (a GET has no body); false at the end of the stream. */
    private boolean readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.append((char) b);
            matched = b == (matched % 2 == 0 ? '\r' : '\n') ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                lastRequest = head.toString();
                return true;
            }
        }
        return false;
    }
}
