package dev.origo.command.auth;

import java.io.IOException;
import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.origo.common.http.SingletonFields;
import dev.origo.common.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every command needs {@code Authorization: Bearer <producer key>}; otherwise 401 with
 * {@code WWW-Authenticate: Bearer}. Actuator and the API description are open. The key is never logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ProducerAuthentication extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ProducerKeys keys;
    private final JsonMapper json;

    ProducerAuthentication(ProducerKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SingletonFields.repeated(request, HttpHeaders.AUTHORIZATION)) {
            // Authorization is a singleton field (RFC 9110 §11.6.2): two lines are refused rather than guessing
            // which one an intermediary checked.
            reject(request, response, true);
            return;
        }
        Optional<String> presented = presentedKey(request);
        Optional<String> producer = presented.flatMap(keys::producerOf);
        if (producer.isEmpty()) {
            reject(request, response, presented.isPresent());
            return;
        }
        request.setAttribute(Producer.ATTRIBUTE, Producer.authenticated(producer.get(), presented.get()));
        chain.doFilter(request, response);
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }

    /** RFC 6750 §3: a missing key gets a bare challenge, a wrong one {@code error="invalid_token"}. */
    private void reject(HttpServletRequest request, HttpServletResponse response, boolean keyPresented)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid producer key is required: Authorization: Bearer <key>.");
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                keyPresented ? "Bearer realm=\"origo\", error=\"invalid_token\"" : "Bearer realm=\"origo\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
