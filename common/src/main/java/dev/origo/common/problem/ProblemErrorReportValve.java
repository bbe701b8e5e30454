package dev.origo.common.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * RFC 9457 problem JSON instead of Tomcat's HTML error page, for the requests Tomcat answers itself before any
 * filter or controller sees them: an unparsable request line or header, headers over the size limit, a URI
 * that does not normalize ({@code %2f..}). DESIGN §4: errors are problem JSON, never an HTML page. Errors
 * the application produced already have a body, and are left alone (as Tomcat's own valve does).
 *
 * <p>The type is {@code https://origo.dev/problems/http-<status>} and the title the status's reason phrase,
 * as for the other framework-level errors; the detail is fixed and never echoes the request (Tomcat's own
 * message can quote the refused request target). Every value is a constant or a number, so the JSON is
 * written as text without an encoder.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    /**
     * Puts this valve where Boot puts Tomcat's error valve (the host's pipeline), replacing it. Ordered last,
     * so that it runs after Boot's own customizer has added Tomcat's valve.
     */
    public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer() {
        return new Installer();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("utf-8");
            response.setHeader("Cache-Control", "no-store");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the response was committed meanwhile: nothing left to tell it.
        }
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400
                ? "The request could not be parsed: its request line, a header or the URI is malformed or too large."
                : "The server refused the request before it reached the application.";
        return "{\"type\":\"" + Problems.TYPE_BASE + "http-" + status + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
    }

    private static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Container host = context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
                if (host instanceof StandardHost standardHost) {
                    // Otherwise the host adds Tomcat's HTML valve again when it starts.
                    standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
