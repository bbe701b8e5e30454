package dev.origo.query.accesslog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.common.accesslog.AccessLog;

/** One JSON access-log line per request, with the origin cache status the download path records. */
@Configuration(proxyBeanMethods = false)
class AccessLogging {

    @Bean
    AccessLog accessLog() {
        return new AccessLog();
    }
}
