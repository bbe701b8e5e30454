package dev.origo.query.download;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.micrometer.observation.autoconfigure.ObservationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Records the request metrics ({@code http.server.requests}) of the {@link ContentRequest}s, which Spring's
 * {@link ServerHttpObservationFilter} leaves to it (Boot's registration of that filter is replaced by
 * {@link Wiring#observationOfOtherRequests}, which passes them on).
 *
 * <p>Why (issue 6): on the 304 and hot-GET loads the observation (its context, scope, long-task timer and
 * high-cardinality key values, started and stopped through the handler chain) cost 10–15 % of the CPU per request
 * (about 65 µs per 304); this filter records the same timer for a fraction of that. The series are the same: the tags come from
 * the same {@link ServerRequestObservationConvention} with the mapping's pattern as {@code uri}, plus
 * {@code error} as Micrometer's {@code DefaultMeterObservationHandler} adds it, and an exception that escapes is
 * recorded as a 500 as the observation filter records it. What these requests do not get: the
 * {@code http.server.requests.active} long-task timer, and key values that {@code ObservationFilter}s would add
 * ({@code management.observations.key-values}); the registry's common tags apply as to any meter.
 *
 * <p>Each series' timer is looked up in the registry once and kept: building the tags and the meter id per request
 * cost about as much as recording (JFR, issue 6). A timer removed from the registry afterwards stays detached.
 *
 * <p>It runs right after the observation filter, so it times the origin protection filters and
 * {@link DirectDownloads} as the observation did.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentRequestMetrics implements Filter {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final ServerRequestObservationConvention convention;
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    ContentRequestMetrics(MeterRegistry registry, ServerRequestObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        ContentRequest content = ContentRequest.of(request);
        if (content == null) {
            chain.doFilter(request, response);
            return;
        }
        long started = registry.config().clock().monotonicTime();
        Throwable error = null;
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            error = e instanceof ServletException servlet ? servlet.getCause() : e;
            response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
            throw e;
        } finally {
            if (error == null) {
                error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            }
            record(request, response, content, error, registry.config().clock().monotonicTime() - started);
        }
    }

    private void record(HttpServletRequest request, HttpServletResponse response, ContentRequest content,
                        Throwable error, long nanos) {
        Series series = new Series(request.getMethod(), response.getStatus(), content.pattern(),
                error == null ? null : error.getClass());
        Timer timer = timers.get(series);
        if (timer == null) {
            timer = timers.computeIfAbsent(series, key -> register(request, response, content, error));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer register(HttpServletRequest request, HttpServletResponse response, ContentRequest content,
                           Throwable error) {
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(content.pattern());
        context.setError(error);
        List<Tag> tags = new ArrayList<>(8);
        for (KeyValue keyValue : convention.getLowCardinalityKeyValues(context)) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        tags.add(Tag.of("error", error == null ? NONE : error.getClass().getSimpleName()));
        return registry.timer(convention.getName(), tags);
    }

    /**
     * What the tags of a content request's timer are made of: the convention's method, status, outcome, uri and
     * exception, and the error tag. At most a few dozen: GET and HEAD, two patterns, the statuses these paths answer.
     */
    private record Series(String method, int status, String pattern, Class<? extends Throwable> error) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Wiring {

        /**
         * The convention of the request metrics, as Boot would create it for its observation filter, so that both
         * filters record the same series.
         */
        @Bean
        DefaultServerRequestObservationConvention serverRequestObservationConvention(ObservationProperties properties) {
            return new DefaultServerRequestObservationConvention(properties.getHttp().getServer().getRequests().getName());
        }

        /**
         * Boot's registration of Spring's observation filter (same order and dispatcher types; Boot backs off when
         * this bean exists), but the filter passes the content requests on untouched: {@link ContentRequestMetrics}
         * times them. An {@code ObservationPredicate} would have made their observation a no-op, but creating
         * the context and evaluating the predicates still cost about half of what the observation did.
         */
        @Bean
        FilterRegistrationBean<ServerHttpObservationFilter> observationOfOtherRequests(
                ObservationRegistry registry, DefaultServerRequestObservationConvention convention) {
            FilterRegistrationBean<ServerHttpObservationFilter> registration =
                    new FilterRegistrationBean<>(new ObservationOfOtherRequests(registry, convention));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
            return registration;
        }
    }

    /** Spring's observation filter for everything but the content requests. */
    static final class ObservationOfOtherRequests extends ServerHttpObservationFilter {

        ObservationOfOtherRequests(ObservationRegistry registry, ServerRequestObservationConvention convention) {
            super(registry, convention);
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return ContentRequest.of(request) != null;
        }
    }
}
