package dev.origo.query.server;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real loopback sockets: what a client sees when the server's side closes with a {@link LingeringClose}. */
class LingeringCloseTest {

    private static final byte[] ANSWER = "HTTP/1.1 400 \r\nConnection: close\r\n\r\n".getBytes(US_ASCII);

    private AsynchronousServerSocketChannel server;
    private Socket client;
    private AsynchronousSocketChannel accepted;

    @BeforeEach
    void connect() throws Exception {
        server = AsynchronousServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = new Socket(InetAddress.getLoopbackAddress(), ((InetSocketAddress) server.getLocalAddress()).getPort());
        client.setSoTimeout(10_000);
        accepted = server.accept().get(10, SECONDS);
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        accepted.close();
        server.close();
    }

    /** With a plain close the unread request makes the kernel reset the connection, and this read fails. */
    @Test
    void theClientReadsTheWholeAnswerAndTheEndOfTheStreamThoughItsRequestWasNotRead() throws Exception {
        client.getOutputStream().write(new byte[64 * 1024]);
        accepted.write(ByteBuffer.wrap(ANSWER)).get(10, SECONDS);

        LingeringClose.start(accepted);

        assertThat(client.getInputStream().readAllBytes()).isEqualTo(ANSWER);
        assertThat(accepted.isOpen()).as("open until the client closes its side").isTrue();
        client.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> !accepted.isOpen());
    }

    @Test
    void aClientThatNeverClosesItsSideIsClosedAfterTheLingerTime() throws Exception {
        LingeringClose.start(accepted);

        assertThat(client.getInputStream().read()).as("end of stream at once").isEqualTo(-1);
        await().atMost(LingeringClose.LINGER.plusSeconds(3)).until(() -> !accepted.isOpen());
    }

    @Test
    void aSocketThatCannotBeReadAnyMoreIsClosedAtOnce() throws Exception {
        accepted.read(ByteBuffer.allocate(16), null, new CompletionHandler<Integer, Void>() {
            @Override
            public void completed(Integer read, Void nothing) {
            }

            @Override
            public void failed(Throwable failure, Void nothing) {
            }
        });

        LingeringClose.start(accepted);

        assertThat(accepted.isOpen()).isFalse();
    }

    @Test
    void aClosedSocketIsLeftAlone() throws Exception {
        accepted.close();

        LingeringClose.start(accepted);
        LingeringClose.start(null);

        assertThat(accepted.isOpen()).isFalse();
    }
}
