package dev.origo.common.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class AccessLogTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger("origo.access");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void attach() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void detach() {
        logger.detachAppender(appender);
    }

    @Test
    void logsOneLineWithTheRequestsFieldsAndNoSecrets() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/assets/upload");
        request.setQueryString("key=secret-in-query");
        request.addHeader("Authorization", "Bearer dev-producer-key");
        request.addHeader("User-Agent", "curl/8.5.0");
        MockHttpServletResponse response = new MockHttpServletResponse();
        HttpServlet created = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest req, HttpServletResponse res) throws java.io.IOException {
                res.setStatus(201);
                res.getOutputStream().write(new byte[42]);
            }
        };

        new AccessLog().doFilter(request, response, new MockFilterChain(created));

        assertThat(appender.list).hasSize(1);
        ILoggingEvent line = appender.list.get(0);
        Map<String, Object> fields = line.getKeyValuePairs().stream()
                .collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
        assertThat(fields).containsOnlyKeys("method", "path", "status", "duration_ms", "bytes", "cache", "user_agent")
                .containsEntry("method", "POST")
                .containsEntry("path", "/assets/upload")
                .containsEntry("status", 201)
                .containsEntry("bytes", 42L)
                .containsEntry("cache", "-")
                .containsEntry("user_agent", "curl/8.5.0");
        assertThat(line.getFormattedMessage()).isEqualTo("POST /assets/upload 201");
        assertThat(List.of(line.getFormattedMessage(), fields.toString()))
                .noneMatch(text -> text.contains("dev-producer-key") || text.contains("secret-in-query"));
    }

    @Test
    void handsTheLineToItsSink() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assets/x/download");
        request.setAttribute(AccessLog.CACHE_STATUS, "HIT");
        List<AccessLine> written = new ArrayList<>();
        AccessLines sink = new AccessLines() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public void write(AccessLine line) {
                written.add(line);
            }
        };

        new AccessLog(sink).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());

        assertThat(written).singleElement().satisfies(line -> {
            assertThat(line.message()).isEqualTo("GET /assets/x/download 200");
            assertThat(line.cache()).isEqualTo("HIT");
            assertThat(line.userAgent()).isEqualTo("null");
            assertThat(line.durationMs()).isNotNegative();
        });
        assertThat(appender.list).isEmpty();
    }

    @Test
    void writesNothingWhenTheLoggerIsOff() throws Exception {
        Level level = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            MockFilterChain chain = new MockFilterChain();
            new AccessLog().doFilter(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), chain);

            assertThat(chain.getRequest()).as("the request still went on").isNotNull();
            assertThat(appender.list).isEmpty();
        } finally {
            logger.setLevel(level);
        }
    }
}
