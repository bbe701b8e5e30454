package dev.origo.command.upload;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * One part of a {@code multipart/form-data} body: its headers (names lower-cased) and its body, readable
 * until the next part is asked for. Name and filename are read from {@code Content-Disposition} once, as
 * commons-fileupload reads them (its {@code ParameterParser}: quoting, RFC 2231 {@code filename*}).
 */
final class FormPart {

    private final Map<String, String> headers;
    private final InputStream body;
    private final String name;
    private final String filename;

    FormPart(Map<String, String> headers, InputStream body) {
        this.headers = headers;
        this.body = body;
        String disposition = headers.get("content-disposition");
        String lower = disposition == null ? "" : disposition.toLowerCase(Locale.ROOT);
        boolean formData = lower.startsWith("form-data");
        Map<String, String> parameters = formData || lower.startsWith("attachment")
                ? parameters(disposition, ';') : Map.of();
        String submittedName = formData ? parameters.get("name") : null;
        this.name = submittedName == null ? null : submittedName.trim();
        String submittedFilename = parameters.get("filename");
        this.filename = submittedFilename != null ? unescapeQuotes(submittedFilename.trim())
                : parameters.containsKey("filename") ? "" : null;
    }

    /**
     * {@code \"} becomes {@code "}: a quoted-pair inside the quoted filename (RFC 9110 §5.6.4), which the parser keeps
     * as it is. Only the quote is unescaped; any other backslash stays, since old Windows clients send whole paths
     * ({@code C:\dir\a.txt}) unescaped and {@link SafeFilename} drops everything up to the last one.
     */
    static String unescapeQuotes(String value) {
        return value.indexOf('\\') < 0 ? value : value.replace("\\\"", "\"");
    }

    /** A header's parameters ({@code ; name=value}), names lower-cased, as commons-fileupload parses them. */
    static Map<String, String> parameters(String value, char... separators) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(value, separators);
    }

    Map<String, String> headers() {
        return headers;
    }

    InputStream body() {
        return body;
    }

    /** The form field's name, or {@code null} if the part is not {@code form-data} or has none. */
    String name() {
        return name;
    }

    /** The submitted filename ({@code ""} if given without a value), or {@code null} for a plain field. */
    String filename() {
        return filename;
    }

    boolean isFile() {
        return filename != null;
    }

    String contentType() {
        return headers.get("content-type");
    }
}
