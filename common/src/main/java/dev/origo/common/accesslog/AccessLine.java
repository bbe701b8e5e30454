package dev.origo.common.accesslog;

/**
 * One request's access-log line: the fields DESIGN §8 names. {@code cache} is the origin cache status a handler
 * recorded ("-" when none); {@code userAgent} is "null" when the request had none, as the line has always shown it.
 */
public record AccessLine(String method, String path, int status, double durationMs, long bytes, String cache,
                         String userAgent) {

    /** The line's human-readable message: {@code GET /assets/… 304}. */
    public String message() {
        return method + ' ' + path + ' ' + status;
    }
}
