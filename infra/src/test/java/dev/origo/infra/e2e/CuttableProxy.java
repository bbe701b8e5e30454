package dev.origo.infra.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A loopback TCP proxy in front of a server, for failures in the middle of a transfer: it can hold
 * each answer after a number of bytes (so that a transfer is surely still running), and cut every
 * connection with a TCP reset. Hand-written: a failure in the middle of a body is what no S3 server
 * offers to simulate.
 */
final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Bytes of answer each connection may still forward from the moment of {@link #holdAnswersAfter}. */
    private volatile Hold hold = new Hold(Long.MAX_VALUE);

    /** One setting of the hold; replaced (and its waiters released) by the next cut. */
    private record Hold(long bytes, CountDownLatch reached, CountDownLatch released) {
        Hold(long bytes) {
            this(bytes, new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    CuttableProxy(URI upstream) throws IOException {
        this.upstream = new InetSocketAddress(upstream.getHost(), upstream.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "cuttable-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on, every connection (open or new) forwards at most this many more bytes of answers, then holds. */
    void holdAnswersAfter(long bytes) {
        hold = new Hold(bytes);
    }

    /** Waits until a connection has forwarded all it may and holds; false if none did within the timeout. */
    boolean awaitHolding(Duration timeout) throws InterruptedException {
        return hold.reached().await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Resets every open connection (RST, as when the server's host dies) and forwards in full again. */
    void cutAll() {
        Hold previous = hold;
        hold = new Hold(Long.MAX_VALUE);
        previous.released().countDown();
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(upstream.getAddress(), upstream.getPort());
                sockets.add(client);
                sockets.add(target);
                pump(client, target, false);
                pump(target, client, true);
            } catch (IOException e) {
                // closed, or the upstream refused: the client sees its connection close
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            Hold counting = null;
            long allowed = Long.MAX_VALUE;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                while (true) {
                    Hold current = hold;
                    if (answers && current != counting) {
                        counting = current;
                        allowed = current.bytes();
                    }
                    if (allowed == 0) {
                        // Hold: the connection stays open and silent until cut.
                        current.reached().countDown();
                        current.released().await();
                        continue;
                    }
                    int read = in.read(buffer, 0, (int) Math.min(buffer.length, allowed));
                    if (read < 0) {
                        break;
                    }
                    out.write(buffer, 0, read);
                    if (allowed != Long.MAX_VALUE) {
                        allowed -= read;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // cut or closed
            } finally {
                reset(from);
                reset(to);
            }
        }, "cuttable-proxy-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private void reset(Socket socket) {
        sockets.remove(socket);
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }
}
