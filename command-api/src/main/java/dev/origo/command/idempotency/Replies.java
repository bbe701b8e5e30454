package dev.origo.command.idempotency;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Builds {@link Reply}s, rendering bodies with the application's JSON settings (snake_case). */
@Component
public class Replies {

    private final JsonMapper json;

    Replies(JsonMapper json) {
        this.json = json;
    }

    public Reply created(URI location, long sequence, Object body) {
        return new Reply(HttpStatus.CREATED.value(), location, sequence, json.writeValueAsString(body), false, false);
    }

    /** A 201 whose body holds a secret shown once (a raw token); see {@link Reply#secret()}. */
    public Reply createdSecret(long sequence, Object body) {
        return new Reply(HttpStatus.CREATED.value(), null, sequence, json.writeValueAsString(body), true, false);
    }

    public Reply ok(long sequence, Object body) {
        return new Reply(HttpStatus.OK.value(), null, sequence, json.writeValueAsString(body), false, false);
    }

    public Reply noContent(long sequence) {
        return new Reply(HttpStatus.NO_CONTENT.value(), null, sequence, null, false, false);
    }
}
