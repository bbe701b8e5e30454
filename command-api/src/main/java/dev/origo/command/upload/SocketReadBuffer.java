package dev.origo.command.upload;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's read buffer, raised from 8 KB (issue 6): a 100 MiB upload was thirteen thousand {@code read} calls,
 * and half of the request thread's CPU was system time. Boot has no property for it, hence a connector
 * customizer.
 */
@Configuration(proxyBeanMethods = false)
class SocketReadBuffer {

    @Bean
    TomcatConnectorCustomizer tomcatReadBuffer(UploadProperties properties) {
        return connector -> {
            if (!connector.setProperty("socket.appReadBufSize", Long.toString(properties.readBuffer().toBytes()))) {
                throw new IllegalStateException("Tomcat refused socket.appReadBufSize");
            }
        };
    }
}
