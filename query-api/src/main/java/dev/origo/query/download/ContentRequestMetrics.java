package dev.origo.query.download;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
 * <p>It runs right after the observation filter, so it times the origin protection filters and
 * {@link DirectDownloads} as the observation did.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentRequestMetrics implements Filter {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final ServerRequestObservationConvention convention;

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
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(content.pattern());
        context.setError(error);
        List<Tag> tags = new ArrayList<>(8);
        for (KeyValue keyValue : convention.getLowCardinalityKeyValues(context)) {
            tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
        }
        tags.add(Tag.of("error", error == null ? NONE : error.getClass().getSimpleName()));
        registry.timer(convention.getName(), tags).record(nanos, TimeUnit.NANOSECONDS);
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
