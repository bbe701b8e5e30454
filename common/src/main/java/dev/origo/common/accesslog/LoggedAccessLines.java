package dev.origo.common.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lines as events of the {@code origo.access} logger, with the fields as SLF4J key-values: Boot's structured
 * logging ({@code logging.structured.format.console}) renders them as JSON fields, through whatever appenders the
 * logging configuration has.
 */
public final class LoggedAccessLines implements AccessLines {

    /** The logger every access line belongs to, whichever way it is written. */
    public static final String LOGGER = "origo.access";

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    @Override
    public boolean enabled() {
        return log.isInfoEnabled();
    }

    @Override
    public void write(AccessLine line) {
        log.atInfo()
                .addKeyValue("method", line.method())
                .addKeyValue("path", line.path())
                .addKeyValue("status", line.status())
                .addKeyValue("duration_ms", line.durationMs())
                .addKeyValue("bytes", line.bytes())
                .addKeyValue("cache", line.cache())
                .addKeyValue("user_agent", line.userAgent())
                .log("{} {} {}", line.method(), line.path(), line.status());
    }
}
