package dev.origo.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

import dev.origo.common.accesslog.AccessLines;
import dev.origo.common.accesslog.LoggedAccessLines;

/** Batched console lines only where they are what logging would write. */
class AccessLoggingTest {

    private static final AccessLogProperties BATCHED = new AccessLogProperties(true, DataSize.ofKilobytes(256), Duration.ofMillis(5));

    private static MockEnvironment ecsConsole() {
        return new MockEnvironment().withProperty("logging.structured.format.console", EcsLogFormat.class.getName());
    }

    private static AccessLines lines(AccessLogProperties properties, MockEnvironment environment) throws Exception {
        AccessLines lines = new AccessLogging().accessLines(properties, environment);
        if (lines instanceof AutoCloseable closeable) {
            closeable.close();
        }
        return lines;
    }

    @Test
    void batchedOnTheEcsConsole() throws Exception {
        assertThat(lines(BATCHED, ecsConsole())).isInstanceOf(ConsoleAccessLines.class);
    }

    @Test
    void loggedWhenSwitchedOff() throws Exception {
        assertThat(lines(new AccessLogProperties(false, DataSize.ofKilobytes(256), Duration.ofMillis(5)), ecsConsole()))
                .isInstanceOf(LoggedAccessLines.class);
    }

    @Test
    void loggedWhereLoggingWouldWriteSomethingElse() throws Exception {
        MockEnvironment[] others = {
                new MockEnvironment(),
                new MockEnvironment().withProperty("logging.structured.format.console", "logstash"),
                ecsConsole().withProperty("logging.file.name", "/var/log/query-api.log"),
                ecsConsole().withProperty("logging.file.path", "/var/log"),
                ecsConsole().withProperty("logging.config", "classpath:my-logback.xml"),
                ecsConsole().withProperty("logging.threshold.console", "warn"),
                ecsConsole().withProperty("logging.structured.json.exclude", "process"),
        };
        for (MockEnvironment environment : others) {
            assertThat(lines(BATCHED, environment)).as(environment.toString()).isInstanceOf(LoggedAccessLines.class);
        }
    }
}
