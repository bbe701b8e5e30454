package dev.origo.common.accesslog;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One access-log line per request ({@link AccessLine}): method, path, status, duration_ms, bytes (body bytes
 * actually written), cache (the origin cache status a handler recorded in {@link #CACHE_STATUS}, else "-"),
 * user_agent. Never the query string, the Authorization header or any other header. The lines go to
 * {@link AccessLines}: by default the {@code origo.access} logger ({@link LoggedAccessLines}). Each service
 * registers it as a bean.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessLog extends OncePerRequestFilter {

    /** Request attribute where a handler records the origin cache status (HIT, MISS, STREAM, …). */
    public static final String CACHE_STATUS = "origo.cache-status";

    private final AccessLines lines;

    /** Lines to the {@code origo.access} logger. */
    public AccessLog() {
        this(new LoggedAccessLines());
    }

    public AccessLog(AccessLines lines) {
        this.lines = lines;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!lines.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        CountingResponse counting = new CountingResponse(response);
        try {
            chain.doFilter(request, counting);
        } finally {
            Object cache = request.getAttribute(CACHE_STATUS);
            lines.write(new AccessLine(request.getMethod(), request.getRequestURI(), response.getStatus(),
                    (System.nanoTime() - started) / 1_000_000.0, counting.bytesWritten(),
                    cache == null ? "-" : cache.toString(), String.valueOf(request.getHeader(HttpHeaders.USER_AGENT))));
        }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
