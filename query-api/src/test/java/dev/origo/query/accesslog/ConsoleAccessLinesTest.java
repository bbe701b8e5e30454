package dev.origo.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.origo.common.accesslog.AccessLine;
import dev.origo.common.accesslog.LoggedAccessLines;

/**
 * The batched console lines are the lines the {@code origo.access} logger's events become through Boot's ECS
 * format, byte for byte, and they follow that logger's level.
 */
class ConsoleAccessLinesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T09:31:02.123456789Z");

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggedAccessLines.LOGGER);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private ConsoleAccessLines lines;

    @BeforeEach
    void attach() {
        logged.start();
        logger.addAppender(logged);
        lines = new ConsoleAccessLines(EcsLines.of(environment()),
                new BatchedConsole(() -> console, 1024, Duration.ofMillis(1), "test"), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void detach() throws InterruptedException {
        logger.detachAppender(logged);
        lines.close();
    }

    private static MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("spring.application.name", "query-api")
                .withProperty("spring.application.pid", "4242");
    }

    /** What the logger's path writes for {@code line}, through Boot's own ECS formatter. */
    private String loggedLine(AccessLine line) {
        new LoggedAccessLines().write(line);
        ILoggingEvent event = logged.list.remove(0);
        ((LoggingEvent) event).setInstant(NOW);
        return new String(EcsLogFormatTest.encoder(environment(), "ecs").encode(event), StandardCharsets.UTF_8);
    }

    private String consoleLine(AccessLine line) throws InterruptedException {
        lines.write(line);
        lines.close();
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLineIsTheLoggedLine() throws InterruptedException {
        AccessLine line = new AccessLine("GET", "/assets/dc11e355-8430-46a4-bc8c-cfaa2c85998a/download", 304,
                0.152344, 0, "REVALIDATED", "curl/8.1");

        assertThat(consoleLine(line)).isEqualTo(loggedLine(line));
    }

    @Test
    void oddValuesAreEscapedAndNumbersWrittenAsBootDoes() throws InterruptedException {
        StringBuilder nasty = new StringBuilder("quote\" backslash\\ é 日本 \uD83D\uDE00 ");
        for (char c = 0; c < 0x20; c++) {
            nasty.append(c);
        }
        nasty.append('\u007F').append('\u0085');
        AccessLine line = new AccessLine("HEAD", "/assets/x\"y\\z", 200, 1e-5, Long.MAX_VALUE, "-",
                nasty.toString());

        assertThat(consoleLine(line)).isEqualTo(loggedLine(line));
    }

    @Test
    void followsTheLoggersLevel() {
        Level level = logger.getLevel();
        try {
            logger.setLevel(Level.OFF);
            assertThat(lines.enabled()).isFalse();
            logger.setLevel(Level.INFO);
            assertThat(lines.enabled()).isTrue();
        } finally {
            logger.setLevel(level);
        }
    }
}
