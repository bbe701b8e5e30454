package dev.origo.command.upload;

import java.util.Locale;
import java.util.Set;

import org.springframework.http.MediaType;

/**
 * Which content type an upload is stored (and later served) with, given the type the producer declared and
 * the type detected from the bytes. The rule (docs/decisions/0002-active-content.md):
 * <ol>
 *   <li>bytes that are active content (HTML, SVG, XML, JavaScript) declared as something passive are stored
 *       with the detected active type, so every reader treats them as active (the query-api serves active
 *       types only as attachments, with nosniff);</li>
 *   <li>a missing or generic declaration ({@code application/octet-stream}) takes the detected type when
 *       detection found something more specific;</li>
 *   <li>otherwise the declared type is kept: the producer knows its content better than magic numbers.</li>
 * </ol>
 */
final class StoredContentType {

    /** Types a browser would run or render as a document from this origin (the query-api's list). */
    private static final Set<String> ACTIVE = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "text/xml", "application/xml", "text/javascript", "application/javascript", "application/ecmascript",
            "text/ecmascript", "application/x-javascript");

    private StoredContentType() {
    }

    static String of(String declared, String detected) {
        if (isActive(detected) && !isActive(declared)) {
            return detected;
        }
        if (isGeneric(declared) && !isGeneric(detected)) {
            return detected;
        }
        return declared;
    }

    static boolean isActive(String type) {
        String essence = essence(type);
        return ACTIVE.contains(essence) || essence.endsWith("+xml");
    }

    private static boolean isGeneric(String type) {
        return essence(type).equals(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }

    private static String essence(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        int parameters = lower.indexOf(';');
        return (parameters < 0 ? lower : lower.substring(0, parameters)).strip();
    }
}
