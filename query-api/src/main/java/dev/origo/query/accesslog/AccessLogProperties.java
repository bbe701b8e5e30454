package dev.origo.query.accesslog;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The access log's output.
 *
 * @param batched write the lines to standard output in batches, past logback's appenders, where that gives the same
 *                lines (ECS on the console, no log file, console threshold or logback configuration of one's own); {@code false}
 *                logs every line through the {@code origo.access} logger
 * @param buffer  how many bytes of lines may wait for the writer thread before requests wait for it
 * @param linger  how long the writer thread collects lines after the first of a batch before it writes them
 */
@ConfigurationProperties("origo.access-log")
public record AccessLogProperties(
        @DefaultValue("true") boolean batched,
        @DefaultValue("256KB") DataSize buffer,
        @DefaultValue("5ms") Duration linger) {
}
