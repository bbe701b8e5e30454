package dev.origo.common.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

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
}
