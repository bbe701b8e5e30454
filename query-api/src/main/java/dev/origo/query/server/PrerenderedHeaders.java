package dev.origo.query.server;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Response header fields rendered to bytes once, for responses that repeat them (a view's validators and caching
 * fields): {@link HeaderWriter} hands the bytes to Tomcat as they are.
 *
 * <p>Only visible ASCII and spaces are accepted: Tomcat writes byte values without the filtering of control
 * characters it applies to strings, so anything else is refused here rather than sent.
 */
public final class PrerenderedHeaders {

    private final List<Field> fields;

    private PrerenderedHeaders(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    List<Field> fields() {
        return fields;
    }

    /** The value of the field {@code name} (case-insensitive), or null. */
    public String value(String name) {
        for (Field field : fields) {
            if (field.name().equalsIgnoreCase(name)) {
                return field.value();
            }
        }
        return null;
    }

    record Field(String name, String value, byte[] nameBytes, byte[] valueBytes) {

        static Field of(String name, String value) {
            return new Field(name, value, ascii(name), ascii(value));
        }

        private static byte[] ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c > 0x7E) {
                    throw new IllegalArgumentException("not a visible ASCII header text: " + text);
                }
            }
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }

    public static final class Builder {

        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder set(String name, String value) {
            fields.add(Field.of(name, value));
            return this;
        }

        public PrerenderedHeaders build() {
            return new PrerenderedHeaders(fields);
        }
    }
}
