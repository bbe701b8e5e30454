package dev.origo.query.server;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's write buffer, raised from 8 KB (issue 6): on the 64 KB range load the query-api spent a third of
 * its CPU in the kernel, one {@code write} (and one loopback segment) per 8 KB; with 32 KB the CPU per
 * range fell by ~30 %. Boot has no property for it, hence a connector customizer.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorTuning {

    @Bean
    TomcatConnectorCustomizer socketWriteBuffer(ConnectorProperties properties) {
        return connector -> {
            if (!connector.setProperty("socket.appWriteBufSize",
                    Long.toString(properties.socketWriteBuffer().toBytes()))) {
                throw new IllegalStateException("Tomcat refused socket.appWriteBufSize");
            }
        };
    }
}
