package dev.origo.query.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Tomcat connector settings that Boot's {@code server.tomcat.*} properties do not reach.
 *
 * @param socketWriteBuffer Tomcat's per-connection write buffer ({@code socket.appWriteBufSize}, 8 KB by
 *                          default): a body is handed to the kernel in pieces of this size, so a 64 KB range
 *                          takes two writes instead of eight. Every open connection holds one.
 */
@ConfigurationProperties("origo.server")
public record ConnectorProperties(@DefaultValue("32KB") DataSize socketWriteBuffer) {
}
