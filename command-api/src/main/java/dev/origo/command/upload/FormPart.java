package dev.origo.command.upload;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * One part of a {@code multipart/form-data} body: its headers (names lower-cased) and its body, readable
 * until the next part is asked for. Names and filenames are read from {@code Content-Disposition} as
 * commons-fileupload reads them (its {@code ParameterParser}: quoting, RFC 2231 {@code filename*}).
 */
record FormPart(Map<String, String> headers, InputStream body) {

    /** The form field's name, or {@code null} if the part is not {@code form-data} or has none. */
    String name() {
        String disposition = disposition();
        if (disposition == null || !disposition.toLowerCase(Locale.ROOT).startsWith("form-data")) {
            return null;
        }
        String name = parameters(disposition).get("name");
        return name == null ? null : name.trim();
    }

    /** The submitted filename ({@code ""} if given without a value), or {@code null} for a plain field. */
    String filename() {
        String disposition = disposition();
        if (disposition == null) {
            return null;
        }
        String lower = disposition.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("form-data") && !lower.startsWith("attachment")) {
            return null;
        }
        Map<String, String> parameters = parameters(disposition);
        if (!parameters.containsKey("filename")) {
            return null;
        }
        String filename = parameters.get("filename");
        return filename == null ? "" : filename.trim();
    }

    boolean isFile() {
        return filename() != null;
    }

    String contentType() {
        return headers.get("content-type");
    }

    private String disposition() {
        return headers.get("content-disposition");
    }

    private static Map<String, String> parameters(String disposition) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(disposition, ';');
    }
}
