package dev.origo.command.ratelimit;

import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Spends one request of the client's {@link Budget} before the handler runs: a refused request has read no body,
 * stored no blob and written no row. Runs after authentication, so the producer is known.
 */
class CommandRateLimit implements HandlerInterceptor {

    private final ClientKey per;
    private final Budget budget;

    CommandRateLimit(ClientKey per, Budget budget) {
        this.per = per;
        this.budget = budget;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        budget.spend(per.of(request));
        return true;
    }
}
