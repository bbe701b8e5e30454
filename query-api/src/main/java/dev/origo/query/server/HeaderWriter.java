package dev.origo.query.server;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.http.MimeHeaders;
import org.springframework.stereotype.Component;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sets {@link PrerenderedHeaders} on a response. Under Tomcat the rendered bytes go straight into the response's
 * header table; anywhere else (no {@link #valve()} on the way, as in MockMvc) through
 * {@link HttpServletResponse#setHeader}, with the same result on the wire.
 *
 * <p>Hand-written because the servlet API only takes header values as strings, and Tomcat encodes every string
 * name and value anew when it writes the response: a new {@code CharsetEncoder}, a {@code CharBuffer} and a
 * {@code ByteBuffer} per string. For a 304's eight fields that was ~40 % of the bytes the query-api allocated
 * per request and 3–4 % of its CPU (JFR, issue 6). The valve makes Tomcat's own response (behind the servlet
 * facade) reachable for the request on this thread.
 */
@Component
public class HeaderWriter {

    private final ThreadLocal<org.apache.coyote.Response> current = new ThreadLocal<>();

    /** Sets each field as {@code setHeader} would: earlier values of the same name are replaced. */
    public void set(HttpServletResponse response, PrerenderedHeaders headers) {
        org.apache.coyote.Response coyote = current.get();
        if (coyote == null || response.isCommitted()) {
            for (PrerenderedHeaders.Field field : headers.fields()) {
                response.setHeader(field.name(), field.value());
            }
            return;
        }
        MimeHeaders table = coyote.getMimeHeaders();
        for (PrerenderedHeaders.Field field : headers.fields()) {
            table.removeHeader(field.name());
            table.addValue(field.nameBytes(), 0, field.nameBytes().length)
                    .setBytes(field.valueBytes(), 0, field.valueBytes().length);
        }
    }

    /** The valve that makes the request's Tomcat response current on its thread while the request is served. */
    ValveBase valve() {
        return new CurrentResponse();
    }

    private final class CurrentResponse extends ValveBase {

        CurrentResponse() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            org.apache.coyote.Response outer = current.get();
            current.set(response.getCoyoteResponse());
            try {
                getNext().invoke(request, response);
            } finally {
                if (outer == null) {
                    current.remove();
                } else {
                    current.set(outer);
                }
            }
        }
    }
}
