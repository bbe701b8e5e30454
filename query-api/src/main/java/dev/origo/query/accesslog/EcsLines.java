package dev.origo.query.accesslog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.origo.common.accesslog.AccessLine;
import dev.origo.common.accesslog.LoggedAccessLines;

/**
 * Plain log events — no exception, marker or MDC entry; key-value pairs with undotted keys and string,
 * number or boolean values, as the access log's one line per request — rendered by hand in exactly the
 * layout of Boot's ECS formatter, straight into one {@link StringBuilder}.
 *
 * <p>Hand-written because Boot's generic {@code JsonWriter} (member lambdas, filters, a value writer per
 * event) cost about 25 µs per line on the bench machine: with the access log on, a 304 took ~120 µs of
 * CPU, with it off ~70 µs (issue 6). The constant parts ({@code process.pid}, the {@code service}
 * object) come from Boot's own code once; {@code EcsLogFormatTest} checks the lines against Boot's
 * formatter byte for byte. Any {@code logging.structured.json.*} customization turns this off.
 */
final class EcsLines {

    private static final String ECS_VERSION = ",\"ecs\":{\"version\":\"8.11\"}}\n";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final String afterLogger;
    private final String afterThread;
    private final InstantText instants = new InstantText();

    private EcsLines(Long pid, String service) {
        this.afterLogger = "},\"process\":{" + (pid == null ? "" : "\"pid\":" + pid + ",") + "\"thread\":{\"name\":";
        this.afterThread = "}}," + service + ",\"message\":";
    }

    /** The renderer for this environment, or null when its structured-logging settings need Boot's formatter. */
    static EcsLines of(Environment environment) {
        boolean customized = Binder.get(environment)
                .bind("logging.structured.json", Bindable.mapOf(String.class, Object.class))
                .isBound();
        if (customized) {
            return null;
        }
        ElasticCommonSchemaProperties ecs = ElasticCommonSchemaProperties.get(environment);
        String serviceObject = JsonWriter.<Object>of(members -> ecs.jsonMembers(members)).writeToString(ecs);
        String service = serviceObject.substring(1, serviceObject.length() - 1);   // "service":{…}
        return new EcsLines(environment.getProperty("spring.application.pid", Long.class), service);
    }

    /** Whether {@link #format} renders this event exactly as Boot's ECS formatter would. */
    boolean renders(ILoggingEvent event) {
        if (event.getThrowableProxy() != null || event.getFormattedMessage() == null || event.getThreadName() == null
                || !isEmpty(event.getMarkerList()) || !isEmpty(event.getMDCPropertyMap())) {
            return false;
        }
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.key == null || pair.key.indexOf('.') >= 0 || !(pair.value instanceof String
                        || pair.value instanceof Number || pair.value instanceof Boolean)) {
                    return false;
                }
            }
        }
        return true;
    }

    String format(ILoggingEvent event) {
        StringBuilder line = start(event.getInstant(), event.getLevel().toString(), event.getLoggerName(),
                event.getThreadName(), event.getFormattedMessage());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                if (pair.value instanceof String text) {
                    field(line, pair.key, text);
                } else {
                    line.append(',');
                    string(line, pair.key);
                    line.append(':').append(pair.value);    // numbers and booleans as Boot writes them: toString()
                }
            }
        }
        return line.append(ECS_VERSION).toString();
    }

    /**
     * The access line exactly as {@link #format(ILoggingEvent)} renders the {@code origo.access} logger's event for
     * it ({@link LoggedAccessLines}), logged at {@code instant} on {@code thread}.
     */
    String format(Instant instant, String thread, AccessLine access) {
        StringBuilder line = start(instant, "INFO", LoggedAccessLines.LOGGER, thread, access.message());
        field(line, "method", access.method());
        field(line, "path", access.path());
        line.append(",\"status\":").append(access.status());
        line.append(",\"duration_ms\":").append(access.durationMs());
        line.append(",\"bytes\":").append(access.bytes());
        field(line, "cache", access.cache());
        field(line, "user_agent", access.userAgent());
        return line.append(ECS_VERSION).toString();
    }

    private StringBuilder start(Instant instant, String level, String logger, String thread, String message) {
        StringBuilder line = new StringBuilder(512);
        line.append("{\"@timestamp\":\"");
        instants.appendTo(line, instant);
        line.append("\",\"log\":{\"level\":\"").append(level).append("\",\"logger\":");
        string(line, logger);
        line.append(afterLogger);
        string(line, thread);
        line.append(afterThread);
        string(line, message);
        return line;
    }

    private static void field(StringBuilder line, String key, String value) {
        line.append(',');
        string(line, key);
        line.append(':');
        string(line, value);
    }

    /** A JSON string escaped as Boot's {@code JsonValueWriter} escapes it. */
    private static void string(StringBuilder line, String text) {
        line.append('"');
        if (plain(text)) {
            line.append(text);      // the usual case (paths, thread names, user agents): one copy
        } else {
            escaped(line, text);
        }
        line.append('"');
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F && Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }

    private static void escaped(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\b' -> line.append("\\b");
                case '\f' -> line.append("\\f");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                                .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        line.append(c);
                    }
                }
            }
        }
    }

    private static boolean isEmpty(List<Marker> markers) {
        return markers == null || markers.isEmpty();
    }

    private static boolean isEmpty(Map<String, String> mdc) {
        return mdc == null || mdc.isEmpty();
    }
}
