package dev.origo.query.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat connector settings that Boot's {@code server.tomcat.*} properties do not reach.
 *
 * @param socketWriteBuffer   Tomcat's per-connection write buffer ({@code socket.appWriteBufSize}, 8 KB by
 *                            default): a body is handed to the kernel in pieces of this size, so a 64 KB range
 *                            takes two writes instead of eight. Every open connection holds one.
 * @param socketDirectBuffers whether those buffers are direct ({@code socket.directBuffer}): a heap buffer is
 *                            copied into one of the JDK's temporary direct buffers on every socket read and
 *                            write. Direct buffers live outside the heap ({@code -Xmx}), still one set per
 *                            connection.
 * @param protocol            the connector, {@code nio2} (ours, with a lingering close) or {@code nio} (Tomcat's
 *                            default): NIO2 had a much lower p99 under a fixed load (decision 0027)
 */
@ConfigurationProperties("origo.server")
public record ConnectorProperties(@DefaultValue("32KB") DataSize socketWriteBuffer,
                                  @DefaultValue("true") boolean socketDirectBuffers,
                                  @DefaultValue("nio2") ConnectorProtocol protocol) {
}
