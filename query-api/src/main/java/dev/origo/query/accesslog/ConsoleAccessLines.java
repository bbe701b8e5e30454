package dev.origo.query.accesslog;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.origo.common.accesslog.AccessLine;
import dev.origo.common.accesslog.AccessLines;
import dev.origo.common.accesslog.LoggedAccessLines;

/**
 * The access lines rendered on the request thread in Boot's ECS layout ({@link EcsLines}, the same bytes the
 * {@code origo.access} logger's events become on the console) and written to standard output in batches
 * ({@link BatchedConsole}), past logback's appenders. The logger's level still decides whether there are lines.
 *
 * <p>Why (issue 6): the logged line — SLF4J's event builder, logback's event, its appender lock, and a
 * {@code write} per line — cost ~25 µs of CPU per 304, about a third of the request; see decision 0026.
 * {@code AccessLogging} uses it only where the result is the same as logging: ECS lines on the console, no log
 * file and no logback configuration of one's own.
 */
final class ConsoleAccessLines implements AccessLines, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoggedAccessLines.LOGGER);

    private final EcsLines ecs;
    private final BatchedConsole console;
    private final Clock clock;

    ConsoleAccessLines(EcsLines ecs, BatchedConsole console, Clock clock) {
        this.ecs = ecs;
        this.console = console;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void write(AccessLine line) {
        String text = ecs.format(clock.instant(), Thread.currentThread().getName(), line);
        console.write(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        console.close();
    }
}
