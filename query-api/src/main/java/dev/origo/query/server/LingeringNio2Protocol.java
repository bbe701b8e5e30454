package dev.origo.query.server;

import java.io.IOException;

import org.apache.coyote.http11.Http11Nio2Protocol;
import org.apache.tomcat.util.net.Nio2Channel;
import org.apache.tomcat.util.net.Nio2Endpoint;
import org.apache.tomcat.util.net.SecureNio2Channel;
import org.apache.tomcat.util.net.SocketBufferHandler;

/**
 * Tomcat's NIO2 connector whose connections close the way httpd's do: half-close, read and discard what the
 * client still sends, then close (decision 0027, {@link LingeringClose}).
 * <p>
 * Tomcat's own NIO2 channel closes the socket right after the last write. When the client's request has not been
 * read to its end, as when Tomcat refuses one whose headers exceed its limit, the kernel then answers with a reset,
 * and the client can lose the 400 it was sent. NIO escapes it by a detail of the JDK's selectable channels: its
 * socket is half-closed at once and closed a moment later ({@code strace}). Tomcat has no setting for either, but its
 * endpoint creates its channels in a protected method, so this class hands out channels whose close lingers. Hand
 * written because no library offers it; it uses only Tomcat's public and protected API.
 */
public final class LingeringNio2Protocol extends Http11Nio2Protocol {

    public LingeringNio2Protocol() {
        super(new Endpoint());
    }

    private static final class Endpoint extends Nio2Endpoint {

        @Override
        protected Nio2Channel createChannel(SocketBufferHandler buffers) {
            return isSSLEnabled() ? new SecureChannel(buffers, this) : new PlainChannel(buffers);
        }
    }

    /** Tomcat calls {@code close()} through {@code close(force)}; the socket is handed to a lingering close. */
    private static final class PlainChannel extends Nio2Channel {

        PlainChannel(SocketBufferHandler buffers) {
            super(buffers);
        }

        @Override
        public void close() {
            LingeringClose.start(sc);
        }
    }

    /** TLS: Tomcat's close first sends the close_notify alert; the socket then lingers instead of closing. */
    private static final class SecureChannel extends SecureNio2Channel {

        SecureChannel(SocketBufferHandler buffers, Nio2Endpoint endpoint) {
            super(buffers, endpoint);
        }

        @Override
        public void close(boolean force) throws IOException {
            try {
                close();
            } finally {
                if (force || closed) {
                    closed = true;
                    LingeringClose.start(sc);
                }
            }
        }
    }
}
