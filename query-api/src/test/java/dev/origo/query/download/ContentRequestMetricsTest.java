package dev.origo.query.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletResponse;

class ContentRequestMetricsTest {

    private static final String ID = "dc11e355-8430-46a4-bc8c-cfaa2c85998a";
    private static final String LATEST = "/assets/" + ID + "/download";

    private final DefaultServerRequestObservationConvention convention =
            new DefaultServerRequestObservationConvention("http.server.requests");
    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ContentRequestMetrics filter = new ContentRequestMetrics(registry, convention);
    private final ServerHttpObservationFilter observation =
            new ContentRequestMetrics.ObservationOfOtherRequests(ObservationRegistry.create(), convention);

    @Test
    void recordsTheSameSeriesAsSpringsObservationWouldHave() throws Exception {
        for (String[] request : List.of(new String[] {"GET", LATEST, "304"}, new String[] {"HEAD", LATEST, "200"},
                new String[] {"GET", "/assets/public/" + ID, "404"}, new String[] {"GET", "/assets/public/" + ID, "206"})) {
            int status = Integer.parseInt(request[2]);
            MeterRegistry observed = new SimpleMeterRegistry();
            ObservationRegistry observations = ObservationRegistry.create();
            observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(observed));
            ServerHttpObservationFilter spring = new ServerHttpObservationFilter(observations, convention);
            MockHttpServletRequest viaSpring = new MockHttpServletRequest(request[0], request[1]);
            spring.doFilter(viaSpring, new MockHttpServletResponse(), (req, res) -> {
                ServerHttpObservationFilter.findObservationContext(viaSpring).orElseThrow()
                        .setPathPattern(ContentRequest.of(viaSpring).pattern());   // what MVC's mapping does
                ((HttpServletResponse) res).setStatus(status);
            });
            MeterRegistry ours = new SimpleMeterRegistry();

            new ContentRequestMetrics(ours, convention).doFilter(new MockHttpServletRequest(request[0], request[1]),
                    new MockHttpServletResponse(), (req, res) -> ((HttpServletResponse) res).setStatus(status));

            assertThat(timers(ours)).as("%s %s %s", (Object[]) request).isEqualTo(timers(observed)).hasSize(1);
        }
    }

    @Test
    void timesAContentRequestWithTheMappingsPattern() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", LATEST), new MockHttpServletResponse(),
                (req, res) -> ((HttpServletResponse) res).setStatus(304));

        assertThat(registry.get("http.server.requests").timer().count()).isEqualTo(1);
        assertThat(tags(registry.get("http.server.requests").timer().getId().getTags())).containsAllEntriesOf(Map.of(
                "uri", "/assets/{id}/download", "method", "GET", "status", "304", "outcome", "REDIRECTION",
                "exception", "none", "error", "none"));
    }

    @Test
    void oneFilterKeepsEverySeriesApartAndCountsEachRequestOnce() throws Exception {
        List<String[]> requests = List.of(new String[] {"GET", LATEST, "304"}, new String[] {"GET", LATEST, "200"},
                new String[] {"HEAD", LATEST, "304"}, new String[] {"GET", "/assets/public/" + ID, "304"},
                new String[] {"GET", LATEST, "304"}, new String[] {"GET", LATEST, "404"},
                new String[] {"GET", LATEST, "304"}, new String[] {"HEAD", LATEST, "304"});
        for (String[] request : requests) {
            int status = Integer.parseInt(request[2]);
            filter.doFilter(new MockHttpServletRequest(request[0], request[1]), new MockHttpServletResponse(),
                    (req, res) -> ((HttpServletResponse) res).setStatus(status));
        }
        IOException broken = new IOException("gone");
        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", LATEST),
                new MockHttpServletResponse(), (req, res) -> {
                    throw broken;
                })).isSameAs(broken);

        Map<String, Long> counts = new TreeMap<>();
        for (Timer timer : registry.find("http.server.requests").timers()) {
            Map<String, String> tags = tags(timer.getId().getTags());
            counts.put(tags.get("method") + " " + tags.get("uri") + " " + tags.get("status") + " " + tags.get("error"),
                    timer.count());
        }
        assertThat(counts).isEqualTo(Map.of(
                "GET /assets/{id}/download 304 none", 3L,
                "GET /assets/{id}/download 200 none", 1L,
                "GET /assets/{id}/download 404 none", 1L,
                "GET /assets/{id}/download 500 IOException", 1L,
                "HEAD /assets/{id}/download 304 none", 2L,
                "GET /assets/public/{versionId} 304 none", 1L));
    }

    @Test
    void anEscapingExceptionIsA500AndItsName() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        IOException broken = new IOException("S3 went away mid-body");
        FilterChain failing = (req, res) -> {
            throw broken;
        };

        assertThatThrownBy(() -> filter.doFilter(new MockHttpServletRequest("GET", LATEST), response, failing))
                .isSameAs(broken);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(tags(registry.get("http.server.requests").timer().getId().getTags())).containsAllEntriesOf(Map.of(
                "status", "500", "outcome", "SERVER_ERROR", "exception", "IOException", "error", "IOException"));
    }

    @Test
    void otherRequestsAreLeftToTheObservation() throws Exception {
        for (String[] request : List.of(new String[] {"POST", LATEST}, new String[] {"GET", "/assets/" + ID},
                new String[] {"GET", "/assets/private/" + ID}, new String[] {"GET", "/actuator/health"})) {
            MockFilterChain next = new MockFilterChain(new HttpServlet() { });

            filter.doFilter(new MockHttpServletRequest(request[0], request[1]), new MockHttpServletResponse(), next);

            assertThat(next.getRequest()).as("%s %s", (Object[]) request).isNotNull();
            assertThat(observed(request[0], request[1])).as("observed: %s %s", (Object[]) request).isTrue();
        }
        assertThat(registry.find("http.server.requests").timers()).isEmpty();
    }

    @Test
    void springsObservationFilterPassesContentRequestsOn() throws Exception {
        assertThat(observed("GET", LATEST)).isFalse();
        assertThat(observed("HEAD", "/assets/public/" + ID)).isFalse();
    }

    /** Whether the observation filter started an observation for the request. */
    private boolean observed(String method, String uri) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
        MockFilterChain next = new MockFilterChain(new HttpServlet() { });
        observation.doFilter(request, new MockHttpServletResponse(), next);
        assertThat(next.getRequest()).as("passed on").isNotNull();
        return request.getAttribute(ServerHttpObservationFilter.class.getName() + ".observation") != null;
    }

    private static Map<String, Map<String, String>> timers(MeterRegistry registry) {
        Map<String, Map<String, String>> timers = new TreeMap<>();
        for (Meter meter : registry.find("http.server.requests").timers()) {
            timers.put(meter.getId().getName(), tags(meter.getId().getTags()));
        }
        return timers;
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new TreeMap<>();
        tags.forEach(tag -> map.put(tag.getKey(), tag.getValue()));
        return map;
    }
}
