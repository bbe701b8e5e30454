package dev.origo.query.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of an {@code If-Match} or {@code If-None-Match} field: {@code "*" / #entity-tag}
 * (RFC 9110 §13.1.1, §13.1.2).
 *
 * <p>Parsing is a single left-to-right pass without backtracking, linear in the field length. It
 * follows the list rules of RFC 9110 §5.6.1.2: OWS around commas is allowed and empty elements are
 * ignored; a field of only empty elements (or an empty field) is an empty list that matches
 * nothing. A comma inside the quotes belongs to the opaque-tag.
 *
 * <p><b>Malformed input</b>: when any element is not a well-formed entity-tag (an unquoted tag,
 * a missing closing quote, a lowercase {@code w/}, {@code *} mixed with tags, a control character)
 * the whole field is malformed and matches nothing. The caller thus fails closed: a garbled
 * {@code If-Match} yields 412 and a garbled {@code If-None-Match} never yields 304, so bad client
 * input can cost a full response but never a wrong cache hit. Nothing here throws on client input.
 */
final class EntityTagList {

    private static final EntityTagList ANY = new EntityTagList(List.of(), true, false);
    private static final EntityTagList MALFORMED = new EntityTagList(List.of(), false, true);

    private final List<EntityTag> tags;
    private final boolean any;
    private final boolean malformed;

    private EntityTagList(List<EntityTag> tags, boolean any, boolean malformed) {
        this.tags = tags;
        this.any = any;
        this.malformed = malformed;
    }

    /** Parses a field value (multiple field lines joined with commas, RFC 9110 §5.3). */
    static EntityTagList parse(String fieldValue) {
        if (Ows.trim(fieldValue).equals("*")) {
            return ANY;
        }
        List<EntityTag> tags = new ArrayList<>();
        int i = Ows.skip(fieldValue, 0);
        while (i < fieldValue.length()) {
            if (fieldValue.charAt(i) != ',') {
                int end = EntityTag.tagEnd(fieldValue, i);
                if (end < 0) {
                    return MALFORMED;
                }
                tags.add(EntityTag.at(fieldValue, i, end));
                i = Ows.skip(fieldValue, end);
                if (i < fieldValue.length() && fieldValue.charAt(i) != ',') {
                    return MALFORMED;
                }
            }
            i = Ows.skip(fieldValue, i + 1);
        }
        return new EntityTagList(List.copyOf(tags), false, false);
    }

    /** Whether the field is {@code *}, which matches any current representation. */
    boolean isAny() {
        return any;
    }

    /** Whether the field could not be parsed; a malformed list matches nothing. */
    boolean isMalformed() {
        return malformed;
    }

    /** The listed tags in field order; empty for {@code *} and for a malformed field. */
    List<EntityTag> tags() {
        return tags;
    }

    /** {@code If-Match} semantics: {@code *}, or a listed tag that strongly matches {@code current}. */
    boolean strongMatches(EntityTag current) {
        if (any) {
            return true;
        }
        for (EntityTag tag : tags) {
            if (tag.strongMatches(current)) {
                return true;
            }
        }
        return false;
    }

    /** {@code If-None-Match} semantics: {@code *}, or a listed tag that weakly matches {@code current}. */
    boolean weakMatches(EntityTag current) {
        if (any) {
            return true;
        }
        for (EntityTag tag : tags) {
            if (tag.weakMatches(current)) {
                return true;
            }
        }
        return false;
    }
}
