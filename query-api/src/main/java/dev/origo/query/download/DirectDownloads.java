package dev.origo.query.download;

import java.io.IOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers well-formed {@code GET}/{@code HEAD} requests of the public content paths
 * ({@code /assets/<uuid>/download}, {@code /assets/public/<uuid>}) before Spring MVC's dispatch. Under
 * the 304 and hot-GET loads JFR found about a third of the query-api's CPU in the dispatch (handler
 * lookup, argument resolution, reflective invocation), several times the handler's own work.
 *
 * <p>The answer is the same: the filter calls the same {@link DownloadController} methods and hands
 * exceptions to the same resolvers in the same way as {@link DispatcherServlet} (so RFC 9457 problems
 * come from {@code ProblemResponses}). It runs after the access log, the request metrics
 * ({@link ContentRequestMetrics} for these requests) and the origin protection filters. Anything that is not a
 * {@link ContentRequest} — other methods, paths that are not exactly a canonical UUID in place, the private
 * links — goes on to MVC as before.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class DirectDownloads implements Filter {

    private final DownloadController downloads;
    private final ObjectProvider<HandlerExceptionResolver> resolverProvider;
    private volatile List<HandlerExceptionResolver> resolvers;

    DirectDownloads(DownloadController downloads, ObjectProvider<HandlerExceptionResolver> resolvers) {
        this.downloads = downloads;
        this.resolverProvider = resolvers;
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
        try {
            if (content.latest()) {
                downloads.latest(content.id(), request, response);
            } else {
                downloads.version(content.id(), request, response);
            }
        } catch (Exception e) {
            resolve(request, response, e);
        }
    }

    /** What {@code DispatcherServlet.processHandlerException} does for a handler's exception. */
    private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e)
            throws IOException, ServletException {
        response.setHeader(HttpHeaders.CONTENT_TYPE, null);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, null);
        try {
            response.resetBuffer();
        } catch (IllegalStateException committed) {
            // The status is on the wire: the resolvers decide what is still possible.
        }
        for (HandlerExceptionResolver resolver : resolvers()) {
            ModelAndView resolved = resolver.resolveException(request, response, null, e);
            if (resolved != null) {
                if (resolved.isEmpty()) {
                    request.setAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE, e);
                    return;
                }
                break;   // a view to render: no resolver here returns one, and only MVC's dispatch could
            }
        }
        rethrow(e);
    }

    private List<HandlerExceptionResolver> resolvers() {
        List<HandlerExceptionResolver> found = resolvers;
        if (found == null) {
            found = resolverProvider.orderedStream().toList();
            resolvers = found;
        }
        return found;
    }

    private static void rethrow(Exception e) throws IOException, ServletException {
        if (e instanceof IOException io) {
            throw io;
        }
        if (e instanceof ServletException servlet) {
            throw servlet;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new ServletException(e);
    }
}
