package dev.origo.command.upload;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The declared content type of a part, validated; a missing or unparsable one is octet-stream. */
final class ContentTypes {

    private ContentTypes() {
    }

    static String normalize(String declared) {
        if (declared == null || declared.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            return MediaType.parseMediaType(declared).toString();
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }
}
