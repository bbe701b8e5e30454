package dev.origo.query.http;

import java.util.Enumeration;

/** A field sent on several lines of a request is one value, its lines joined with {@code ", "} (RFC 9110 §5.3). */
public final class FieldLines {

    private FieldLines() {
    }

    /** The lines of one field joined into its value; null when there are none (the field is absent). */
    public static String join(Enumeration<String> lines) {
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        String first = lines.nextElement();
        if (!lines.hasMoreElements()) {
            return first;
        }
        StringBuilder joined = new StringBuilder(first);
        while (lines.hasMoreElements()) {
            joined.append(", ").append(lines.nextElement());
        }
        return joined.toString();
    }
}
