package dev.origo.query.accesslog;

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
        StringBuilder line = new StringBuilder(512);
        line.append("{\"@timestamp\":\"").append(event.getInstant()).append("\",\"log\":{\"level\":\"")
                .append(event.getLevel()).append("\",\"logger\":");
        string(line, event.getLoggerName());
        line.append(afterLogger);
        string(line, event.getThreadName());
        line.append(afterThread);
        string(line, event.getFormattedMessage());
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                line.append(',');
                string(line, pair.key);
                line.append(':');
                if (pair.value instanceof String text) {
                    string(line, text);
                } else {
                    line.append(pair.value);    // numbers and booleans as Boot writes them: toString()
                }
            }
        }
        return line.append(ECS_VERSION).toString();
    }

    /** A JSON string escaped as Boot's {@code JsonValueWriter} escapes it. */
    private static void string(StringBuilder line, String text) {
        line.append('"');
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
        line.append('"');
    }

    private static boolean isEmpty(List<Marker> markers) {
        return markers == null || markers.isEmpty();
    }

    private static boolean isEmpty(Map<String, String> mdc) {
        return mdc == null || mdc.isEmpty();
    }
}
