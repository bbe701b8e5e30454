package dev.origo.query.server;

import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's connector (issue 6): its protocol, the valve behind {@link HeaderWriter}, and its socket buffers.
 * The write buffer, raised from 8 KB: on the 64 KB range load the query-api spent a third of its CPU in the kernel,
 * one {@code write} (and one loopback segment) per 8 KB; with 32 KB the CPU per range fell by ~30 %. Direct buffers:
 * no copy through the JDK's temporary direct buffer per socket read and write, ~5 % less CPU per range and per hot
 * GET. Boot has no properties for either, hence a connector customizer.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorTuning {

    @Bean
    TomcatConnectorCustomizer socketBuffers(ConnectorProperties properties) {
        return connector -> {
            set(connector, "socket.appWriteBufSize", Long.toString(properties.socketWriteBuffer().toBytes()));
            set(connector, "socket.directBuffer", Boolean.toString(properties.socketDirectBuffers()));
        };
    }

    /**
     * The configured connector (decision 0027). Tomcat's NIO selects ready sockets on its poller thread and hands each
     * to a worker; NIO2 has the JDK's asynchronous channel group dispatch read completions to the workers. At a fixed
     * 12,000 req/s on the bench machine the 304's p99 was 26–75 ms with NIO2 against 48–457 ms with NIO, so NIO2,
     * with our {@link LingeringClose}, is the default.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorProtocol(ConnectorProperties properties) {
        return factory -> factory.setProtocol(properties.protocol().className());
    }

    /** Makes each request's Tomcat response reachable by {@link HeaderWriter}. */
    @Bean
    TomcatContextCustomizer currentResponse(HeaderWriter headers) {
        return context -> context.getPipeline().addValve(headers.valve());
    }

    private static void set(Connector connector, String name, String value) {
        if (!connector.setProperty(name, value)) {
            throw new IllegalStateException("Tomcat refused " + name);
        }
    }
}
