package dev.origo.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A real embedded Tomcat with the valve installed, fed requests it must refuse before any servlet runs. */
class ProblemErrorReportValveTest {

    private WebServer server;

    @BeforeEach
    void start() {
        TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
        ProblemErrorReportValve.customizer().customize(factory);
        server = factory.getWebServer(context -> context.addServlet("app", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setStatus(request.getRequestURI().equals("/missing") ? 404 : 200);
                response.setContentType("text/plain");
                response.getWriter().write("from the application");
            }
        }).addMapping("/"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void anUnparsableRequestTargetGetsProblemJson() throws IOException {
        assertProblem400(raw("GET /a{b}c HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void headersOverTheLimitGetProblemJson() throws IOException {
        assertProblem400(raw("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(9_000) + "\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void aHeaderLineWithoutColonGetsProblemJson() throws IOException {
        assertProblem400(raw("GET / HTTP/1.1\r\nHost: x\r\nnot a header\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void anEncodedSlashThatWouldLeaveThePathGetsProblemJson() throws IOException {
        assertProblem400(raw("GET /assets/public/..%2f..%2fx HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void whatTheApplicationAnswersIsLeftAlone() throws IOException {
        String response = raw("GET /missing HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 404").contains("Content-Type: text/plain")
                .endsWith("from the application");
        assertThat(raw("GET /fine HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void theBodyIsProblemJsonForAnyStatus() {
        assertThat(ProblemErrorReportValve.body(505)).isEqualTo("{\"type\":\"https://origo.dev/problems/http-505\","
                + "\"title\":\"HTTP Version not supported\",\"status\":505,"
                + "\"detail\":\"The server refused the request before it reached the application.\"}");
    }

    private static void assertProblem400(String response) {
        assertThat(response).startsWith("HTTP/1.1 400")
                .contains("Content-Type: application/problem+json")
                .contains("Cache-Control: no-store")
                .doesNotContain("<html")
                .contains("{\"type\":\"https://origo.dev/problems/http-400\",\"title\":\"Bad Request\",\"status\":400,");
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
