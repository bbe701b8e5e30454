package dev.origo.common.http;

import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Fields that may appear once per request (RFC 9110 §5.3: a field that is not a list, such as
 * {@code Authorization} or {@code Idempotency-Key}). Sent on two lines, such a field is invalid: a service
 * refuses it rather than guessing which line an intermediary read.
 */
public final class SingletonFields {

    private SingletonFields() {
    }

    /** Whether the request carries the field on more than one line. */
    public static boolean repeated(HttpServletRequest request, String name) {
        Enumeration<String> lines = request.getHeaders(name);
        if (lines == null || !lines.hasMoreElements()) {
            return false;
        }
        lines.nextElement();
        return lines.hasMoreElements();
    }
}
