package dev.origo.query.accesslog;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.origo.common.accesslog.AccessLines;
import dev.origo.common.accesslog.AccessLog;
import dev.origo.common.accesslog.LoggedAccessLines;

/** One JSON access-log line per request, with the origin cache status the download path records. */
@Configuration(proxyBeanMethods = false)
class AccessLogging {

    @Bean
    AccessLog accessLog(AccessLines lines) {
        return new AccessLog(lines);
    }

    /**
     * Batched console lines ({@link ConsoleAccessLines}) when they are what logging would have written; otherwise
     * the {@code origo.access} logger, so that a log file, another console format, a console threshold or one's own
     * logback configuration treats the access lines as it treats every other line.
     */
    @Bean
    AccessLines accessLines(AccessLogProperties properties, Environment environment) {
        EcsLines ecs = EcsLines.of(environment);
        if (!properties.batched() || ecs == null || !consoleIsEcs(environment) || hasOwnLogging(environment)) {
            return new LoggedAccessLines();
        }
        BatchedConsole console = new BatchedConsole(() -> System.out, (int) properties.buffer().toBytes(),
                properties.linger(), "access-log-writer");
        return new ConsoleAccessLines(ecs, console, Clock.systemUTC());
    }

    private static boolean consoleIsEcs(Environment environment) {
        return EcsLogFormat.class.getName().equals(environment.getProperty("logging.structured.format.console"));
    }

    private static boolean hasOwnLogging(Environment environment) {
        return environment.containsProperty("logging.file.name") || environment.containsProperty("logging.file.path")
                || environment.containsProperty("logging.config")
                || environment.containsProperty("logging.threshold.console");    // the console's own level filter
    }
}
