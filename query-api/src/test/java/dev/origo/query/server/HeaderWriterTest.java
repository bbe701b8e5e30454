package dev.origo.query.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.MimeHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServletResponse;

class HeaderWriterTest {

    private static final PrerenderedHeaders HEADERS = PrerenderedHeaders.builder()
            .set("ETag", "\"abc\"")
            .set("Cache-Control", "public, max-age=60")
            .set("Surrogate-Key", "asset-1 version-2")
            .build();

    private final HeaderWriter writer = new HeaderWriter();

    @Test
    void underTomcatTheRenderedBytesGoIntoTheHeaderTableAndReplaceEarlierValues() throws Exception {
        Response response = tomcatResponse();
        response.setHeader("Cache-Control", "no-store");
        response.addHeader("Vary", "Accept");

        serve(response, () -> writer.set(response, HEADERS));

        MimeHeaders table = response.getCoyoteResponse().getMimeHeaders();
        assertThat(fields(table)).containsExactly("Vary: Accept", "ETag: \"abc\"",
                "Cache-Control: public, max-age=60", "Surrogate-Key: asset-1 version-2");
        for (int i = 1; i < table.size(); i++) {
            // Bytes, not strings: Tomcat writes them as they are instead of encoding each one again.
            assertThat(table.getName(i).getType()).isEqualTo(MessageBytes.T_BYTES);
            assertThat(table.getValue(i).getType()).isEqualTo(MessageBytes.T_BYTES);
        }
        assertThat(response.getHeader("cache-control")).isEqualTo("public, max-age=60");
    }

    @Test
    void outsideTheValveTheFieldsAreSetThroughTheServletApi() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setHeader("Cache-Control", "no-store");

        writer.set(response, HEADERS);

        assertThat(response.getHeaderNames()).containsExactly("Cache-Control", "ETag", "Surrogate-Key");
        assertThat(response.getHeaders("Cache-Control")).containsExactly("public, max-age=60");
        assertThat(response.getHeader("ETag")).isEqualTo("\"abc\"");
    }

    @Test
    void theTomcatResponseIsCurrentOnlyWhileTheValveServesTheRequest() throws Exception {
        Response served = tomcatResponse();
        serve(served, () -> writer.set(served, HEADERS));
        Response later = tomcatResponse();

        writer.set(later, HEADERS);

        // After the valve, a response is written through the servlet API: string values, as Tomcat sets them.
        MimeHeaders table = later.getCoyoteResponse().getMimeHeaders();
        assertThat(fields(table)).containsExactly("ETag: \"abc\"", "Cache-Control: public, max-age=60",
                "Surrogate-Key: asset-1 version-2");
        assertThat(table.getValue(0).getType()).isEqualTo(MessageBytes.T_STR);
        assertThat(served.getCoyoteResponse().getMimeHeaders().size()).isEqualTo(3);
    }

    @Test
    void onlyVisibleAsciiCanBeRendered() {
        assertThatThrownBy(() -> PrerenderedHeaders.builder().set("X-Name", "a\r\nSet-Cookie: x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrerenderedHeaders.builder().set("X-Name", "caf\u00e9"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(HEADERS.value("etag")).isEqualTo("\"abc\"");
        assertThat(HEADERS.value("Content-Type")).isNull();
    }

    private void serve(HttpServletResponse response, Runnable handler) throws Exception {
        ValveBase valve = writer.valve();
        valve.setNext(new Handler(handler));
        valve.invoke(new Request(null, new org.apache.coyote.Request()), (Response) response);
    }

    private static Response tomcatResponse() {
        return new Response(new org.apache.coyote.Response());
    }

    private static List<String> fields(MimeHeaders table) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            fields.add(table.getName(i) + ": " + table.getValue(i));
        }
        return fields;
    }

    private static final class Handler extends ValveBase implements Valve {

        private final Runnable handler;

        Handler(Runnable handler) {
            this.handler = handler;
        }

        @Override
        public void invoke(Request request, Response response) {
            handler.run();
        }
    }
}
