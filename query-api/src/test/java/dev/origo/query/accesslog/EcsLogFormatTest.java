package dev.origo.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;

/** {@link EcsLogFormat}'s lines are Boot's ECS lines, byte for byte, whichever path renders them. */
class EcsLogFormatTest {

    private static final String ACCESS = "origo.access";

    private static MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("spring.application.name", "query-api")
                .withProperty("spring.application.version", "1.2.3")
                .withProperty("spring.application.pid", "4242");
    }

    static StructuredLogEncoder encoder(Environment environment, String format) {
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(format);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }

    private static LoggingEvent event(String logger, String message, Object... keyValues) {
        return event(logger, Level.INFO, null, Map.of(), message, keyValues);
    }

    private static LoggingEvent event(String logger, Level level, Throwable thrown, Map<String, String> mdc,
                                      String message, Object... keyValues) {
        LoggingEvent event = new LoggingEvent(Logger.class.getName(), new LoggerContext().getLogger(logger),
                level, message, thrown, null);
        event.setInstant(Instant.parse("2026-11-27T23:51:28.117534770Z"));
        event.setThreadName("http-nio-8080-exec-7");
        event.setMDCPropertyMap(mdc);
        for (int i = 0; i < keyValues.length; i += 2) {
            event.addKeyValuePair(new KeyValuePair((String) keyValues[i], keyValues[i + 1]));
        }
        return event;
    }

    private static LoggingEvent accessLine(String path, String userAgent) {
        return event(ACCESS, "GET " + path + " 304", "method", "GET", "path", path, "status", 304,
                "duration_ms", 0.152344, "bytes", 0L, "cache", "REVALIDATED", "user_agent", userAgent);
    }

    private static void assertSameAsBoot(Environment environment, LoggingEvent event) {
        String boot = new String(encoder(environment, "ecs").encode(event), StandardCharsets.UTF_8);
        String ours = new String(encoder(environment, EcsLogFormat.class.getName()).encode(event),
                StandardCharsets.UTF_8);
        assertThat(ours).isEqualTo(boot);
    }

    @Nested
    class HandRendered {

        @Test
        void accessLineIsBootsLine() {
            LoggingEvent event = accessLine("/assets/dc11e355-8430-46a4-bc8c-cfaa2c85998a/download", "curl/8.1");

            assertSameAsBoot(environment(), event);
            assertThat(EcsLines.of(environment()).renders(event)).isTrue();
        }

        @Test
        void escapesEveryCharacterAsBootDoes() {
            StringBuilder nasty = new StringBuilder("quote\" backslash\\ slash/ é ü 日本 \uD83D\uDE00 ");
            for (char c = 0; c < 0x20; c++) {
                nasty.append(c);
            }
            nasty.append('\u007F').append('\u0085').append('\u009F').append('\u2028');

            assertSameAsBoot(environment(), accessLine("/assets/x\"y", nasty.toString()));
        }

        @Test
        void writesNumbersAndBooleansAsBootDoes() {
            assertSameAsBoot(environment(), event(ACCESS, "m", "a", 1.0E7, "b", -0.0, "c", Long.MAX_VALUE,
                    "d", true, "e", 1e-5, "f", (short) 3));
        }

        @Test
        void withoutPidOrApplicationName() {
            MockEnvironment bare = new MockEnvironment();

            assertSameAsBoot(bare, accessLine("/a", "b"));
            assertThat(EcsLines.of(bare).renders(accessLine("/a", "b"))).isTrue();
        }

        @Test
        void withEcsServiceSettings() {
            MockEnvironment configured = environment()
                    .withProperty("logging.structured.ecs.service.environment", "prod")
                    .withProperty("logging.structured.ecs.service.node-name", "node-1");

            assertSameAsBoot(configured, accessLine("/a", "b"));
        }

        @Test
        void otherLoggersAndLevelsToo() {
            LoggingEvent event = event("org.example.Some$Inner", Level.WARN, null, Map.of(), "Started in 2.1 s");

            assertSameAsBoot(environment(), event);
        }
    }

    @Nested
    class LeftToBoot {

        @Test
        void eventsWithAnException() {
            LoggingEvent event = event(ACCESS, Level.ERROR, new IllegalStateException("boom"), Map.of(), "failed");

            assertThat(EcsLines.of(environment()).renders(event)).isFalse();
            assertSameAsBoot(environment(), event);
        }

        @Test
        void eventsWithMdcMarkersDottedKeysOrOtherValues() {
            LoggingEvent mdc = event(ACCESS, Level.INFO, null, Map.of("traceId", "abc"), "m", "path", "/a");
            LoggingEvent marker = accessLine("/a", "b");
            marker.addMarker(MarkerFactory.getMarker("AUDIT"));
            LoggingEvent dotted = event(ACCESS, "m", "http.status", 200);
            LoggingEvent nullValue = event(ACCESS, "m", "agent", null);
            LoggingEvent objectValue = event(ACCESS, "m", "when", Instant.EPOCH);

            for (LoggingEvent event : new LoggingEvent[] {mdc, marker, dotted, nullValue, objectValue}) {
                assertThat(EcsLines.of(environment()).renders(event)).isFalse();
                assertSameAsBoot(environment(), event);
            }
        }

        @Test
        void everyEventWhenJsonOutputIsCustomized() {
            MockEnvironment customized = environment().withProperty("logging.structured.json.exclude", "process");

            assertThat(EcsLines.of(customized)).isNull();
            assertSameAsBoot(customized, accessLine("/a", "b"));
        }
    }
}
