package dev.origo.query.protection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses content requests that do not come from an allowed client range or lack the edge's shared
 * secret (both optional, configured in {@link ProtectionProperties}), with 403 problem JSON.
 * Health probes are always allowed.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OriginProtection extends OncePerRequestFilter {

    private final List<Cidr> allowed;
    private final String secretHeader;
    private final byte[] secret;

    OriginProtection(ProtectionProperties properties) {
        this.allowed = properties.allowedCidrs().stream().map(Cidr::parse).toList();
        this.secretHeader = properties.secretHeader();
        this.secret = properties.secret() == null || properties.secret().isEmpty()
                ? null : properties.secret().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!fromAllowedRange(request.getRemoteAddr()) || !carriesSecret(request)) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(("{\"type\":\"https://origo.dev/problems/origin-protected\","
                    + "\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"This origin only answers its CDN.\"}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean fromAllowedRange(String address) {
        return allowed.isEmpty() || allowed.stream().anyMatch(range -> range.contains(address));
    }

    private boolean carriesSecret(HttpServletRequest request) {
        if (secret == null) {
            return true;
        }
        String presented = request.getHeader(secretHeader);
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
