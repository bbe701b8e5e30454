package dev.origo.query.accesslog;

import java.lang.reflect.Constructor;

import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.structured.ContextPairs;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Boot's own Elastic Common Schema lines ({@code logging.structured.format.console: ecs}), rendered
 * through {@link #format} into a string and encoded once. Boot's ECS formatter overrides
 * {@code formatAsBytes} to write its JSON one character at a time through an
 * {@code OutputStreamWriter}: under the hot-GET load JFR found half of the query-api's CPU there,
 * for the access log's one line per request. The lines are the same; only the encoding path differs.
 * Plain events such as the access log's are rendered by {@link EcsLines} in the same layout, by hand.
 *
 * <p>Boot's formatter is package-private, so it is built reflectively with the parameters Boot
 * passes to a custom format class; if a Boot upgrade moves it, logging fails at startup, loudly.
 */
public class EcsLogFormat implements StructuredLogFormatter<ILoggingEvent> {

    private static final String BOOT_ECS = "org.springframework.boot.logging.logback.ElasticCommonSchemaStructuredLogFormatter";

    private final StructuredLogFormatter<ILoggingEvent> ecs;
    private final EcsLines lines;

    public EcsLogFormat(Environment environment, StackTracePrinter stackTracePrinter, ContextPairs contextPairs,
                        ThrowableProxyConverter throwableProxyConverter,
                        StructuredLoggingJsonMembersCustomizer.Builder<?> customizerBuilder) {
        this.ecs = bootEcs(environment, stackTracePrinter, contextPairs, throwableProxyConverter, customizerBuilder);
        this.lines = EcsLines.of(environment);
    }

    @Override
    public String format(ILoggingEvent event) {
        return lines != null && lines.renders(event) ? lines.format(event) : ecs.format(event);
    }

    @SuppressWarnings("unchecked")
    private static StructuredLogFormatter<ILoggingEvent> bootEcs(Object... parameters) {
        try {
            Constructor<?> constructor = Class.forName(BOOT_ECS).getDeclaredConstructor(Environment.class,
                    StackTracePrinter.class, ContextPairs.class, ThrowableProxyConverter.class,
                    StructuredLoggingJsonMembersCustomizer.Builder.class);
            constructor.setAccessible(true);
            return (StructuredLogFormatter<ILoggingEvent>) constructor.newInstance(parameters);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Spring Boot's ECS log formatter is not where it was: " + BOOT_ECS, e);
        }
    }
}
