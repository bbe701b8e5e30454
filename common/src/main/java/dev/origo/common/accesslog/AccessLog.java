package dev.origo.common.accesslog;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One access-log line per request on the {@code origo.access} logger, with its fields as SLF4J
 * key-values: Boot's structured logging ({@code logging.structured.format.console}) renders them
 * as JSON fields. Fields: method, path, status, duration_ms, bytes (body bytes actually written),
 * cache (the origin cache status a handler recorded in {@link #CACHE_STATUS}, else "-"), user_agent.
 * Never the query string, the Authorization header or any other header. Each service registers it as a bean.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLog extends OncePerRequestFilter {

    /** Request attribute where a handler records the origin cache status (HIT, MISS, STREAM, …). */
    public static final String CACHE_STATUS = "origo.cache-status";
    private static final Logger log = LoggerFactory.getLogger("origo.access");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        CountingResponse counting = new CountingResponse(response);
        try {
            chain.doFilter(request, counting);
        } finally {
            Object cache = request.getAttribute(CACHE_STATUS);
            log.atInfo()
                    .addKeyValue("method", request.getMethod())
                    .addKeyValue("path", request.getRequestURI())
                    .addKeyValue("status", response.getStatus())
                    .addKeyValue("duration_ms", (System.nanoTime() - started) / 1_000_000.0)
                    .addKeyValue("bytes", counting.bytesWritten())
                    .addKeyValue("cache", cache == null ? "-" : cache)
                    .addKeyValue("user_agent", String.valueOf(request.getHeader(HttpHeaders.USER_AGENT)))
                    .log("{} {} {}", request.getMethod(), request.getRequestURI(), response.getStatus());
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
