package dev.origo.purge.provider;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;

/** Turns HTTP answers and transport errors of purge APIs into {@link PurgeFailure}s. */
final class HttpPurgeAnswers {

    private HttpPurgeAnswers() {
    }

    /** Throws the failure a non-2xx status means; returns normally on 2xx. */
    static void check(String provider, HttpStatusCode status, HttpHeaders headers, String body) {
        if (status.is2xxSuccessful()) {
            return;
        }
        String message = provider + " answered " + status.value() + ": " + abbreviate(body);
        if (status.value() == 429) {
            throw PurgeFailure.rateLimited(retryAfter(headers.getFirst(HttpHeaders.RETRY_AFTER), Instant.now()), message);
        }
        if (status.is5xxServerError()) {
            throw PurgeFailure.retriable("http_" + status.value(), message, null);
        }
        throw PurgeFailure.rejected("http_" + status.value(), message);
    }

    /** Runs an exchange; a connection failure or timeout becomes a retriable failure. */
    static <T> T exchange(String provider, Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw PurgeFailure.retriable("network", provider + " unreachable: " + e.getMessage(), e);
        }
    }

    static PurgeFailure network(String provider, IOException e) {
        return PurgeFailure.retriable("network", provider + " unreachable: " + e, e);
    }

    /** {@code Retry-After} as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        try {
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }
}
