package dev.origo.command.idempotency;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A command's answer exactly as sent, so that a replay is byte-identical: status, {@code Location}, the new
 * {@code sequence} (also sent as {@value #SEQUENCE_HEADER}, the only place a 204 can carry it) and the JSON body.
 *
 * @param status   the HTTP status
 * @param location the {@code Location} header, or null
 * @param sequence the asset's sequence after the command
 * @param json     the body, or null for 204
 * @param secret   the body holds a secret (a raw access token): it is stored encrypted for replay
 * @param replayed this is a recorded reply sent again; the command did not run
 */
public record Reply(int status, URI location, long sequence, String json, boolean secret, boolean replayed) {

    /** The asset sequence after a command; pass it as {@code X-Min-Sequence} to the query-api to read your write. */
    public static final String SEQUENCE_HEADER = "X-Sequence";

    /** Set on a replayed reply (the command was not executed again). */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public ResponseEntity<String> toResponse() {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .header(SEQUENCE_HEADER, Long.toString(sequence));
        if (location != null) {
            builder.location(location);
        }
        if (replayed) {
            builder.header(REPLAYED_HEADER, "true");
        }
        if (json == null) {
            return builder.build();
        }
        if (secret) {
            builder.header(HttpHeaders.CACHE_CONTROL, "no-store");
        }
        return builder.contentType(MediaType.APPLICATION_JSON).body(json);
    }
}
