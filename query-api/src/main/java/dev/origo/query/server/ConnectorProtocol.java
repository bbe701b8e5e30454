package dev.origo.query.server;

import org.apache.coyote.http11.Http11NioProtocol;

/**
 * Tomcat's HTTP/1.1 connector implementations (decision 0027).
 * <ul>
 * <li>{@link #NIO2}: the JDK's asynchronous channels; their channel group dispatches each read completion to a
 * worker thread, which parses and serves the request. Tomcat's NIO2 with our {@link LingeringClose}
 * ({@link LingeringNio2Protocol}); our default.</li>
 * <li>{@link #NIO}: Tomcat's (and Boot's) default. A poller thread selects the ready sockets and hands
 * each one to a worker thread.</li>
 * </ul>
 */
public enum ConnectorProtocol {

    NIO(Http11NioProtocol.class.getName()),
    NIO2(LingeringNio2Protocol.class.getName());

    private final String className;

    ConnectorProtocol(String className) {
        this.className = className;
    }

    String className() {
        return className;
    }
}
