package dev.origo.command;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.origo.common.accesslog.AccessLog;

/** One JSON access-log line per request (the command-api has no origin cache: its cache field is "-"). */
@Configuration(proxyBeanMethods = false)
class AccessLogging {

    @Bean
    AccessLog accessLog() {
        return new AccessLog();
    }
}
