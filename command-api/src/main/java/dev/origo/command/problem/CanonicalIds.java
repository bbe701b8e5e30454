package dev.origo.command.problem;

import java.beans.PropertyEditorSupport;
import java.util.UUID;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import dev.origo.common.ids.CanonicalUuids;

/**
 * Path ids bind to {@link UUID} only when canonical ({@link CanonicalUuids}), as in the query-api: Spring's own
 * binding ({@code UUID.fromString}) took {@code 1-1-1-1-1} for an id and answered 404 where the query-api answers
 * 400. A property editor, not a converter: when a converter refuses a value, Spring's binder falls back to its
 * default {@code UUIDEditor}, which accepts it. A refused value is a type mismatch, which
 * {@link ProblemResponses} turns into 400 {@code malformed-id}.
 */
@ControllerAdvice
class CanonicalIds {

    @InitBinder
    void canonicalUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(CanonicalUuids.parse(text));
            }
        });
    }
}
