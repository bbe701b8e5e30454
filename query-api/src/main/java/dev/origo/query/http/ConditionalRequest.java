package dev.origo.query.http;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Evaluates the preconditions of a request against the selected representation, in the order of
 * RFC 9110 §13.2.2, and decides whether {@code If-Range} lets a {@code Range} apply (§13.1.5).
 *
 * <p>The representation exists (the caller answers 404 before asking), so {@code If-Match: *}
 * always holds. Every header value is nullable (absent) and is never trusted: invalid dates are
 * ignored as the RFC requires, malformed entity-tag lists match nothing (see
 * {@link EntityTagList}), and nothing throws on client input.
 */
public final class ConditionalRequest {

    /** What the response must be before any range handling. */
    public enum Outcome {
        /** No precondition stops the request: serve it (200, 206 or 416). */
        PROCEED,
        /** 304 Not Modified, with the caching headers a 200 would carry. */
        NOT_MODIFIED,
        /** 412 Precondition Failed. */
        PRECONDITION_FAILED
    }

    /**
     * The precondition field values of a request, each null when absent. A field sent on several
     * lines is passed as one value joined with {@code ", "} (RFC 9110 §5.3); a date field joined
     * that way is no longer a valid HTTP-date and so is ignored, as §13.1.3 and §13.1.4 require.
     */
    public record Headers(String ifMatch, String ifNoneMatch, String ifModifiedSince, String ifUnmodifiedSince) {

        /** A request without preconditions. */
        public static final Headers NONE = new Headers(null, null, null, null);

        /** Reads the four fields through {@code fieldValue}, which maps a field name to its value or null. */
        public static Headers from(UnaryOperator<String> fieldValue) {
            return new Headers(fieldValue.apply("If-Match"), fieldValue.apply("If-None-Match"),
                    fieldValue.apply("If-Modified-Since"), fieldValue.apply("If-Unmodified-Since"));
        }
    }

    private final EntityTag currentEtag;
    /** {@link #currentEtag} as sent in {@code ETag}. */
    private final String currentEtagField;
    /** Empty when the representation has no {@code Last-Modified}. */
    private final Optional<Instant> lastModified;
    private final Clock clock;

    /**
     * @param currentEtag the representation's strong entity-tag as sent in {@code ETag}, e.g.
     *     {@code "9f86d0…"} with its quotes
     * @param lastModified the representation's modification time; truncated to whole seconds, the
     *     precision of {@code Last-Modified}
     * @param clock the origin server's clock; an {@code If-Modified-Since} after its time is ignored
     * @throws IllegalArgumentException when {@code currentEtag} is not a strong entity-tag
     */
    public ConditionalRequest(String currentEtag, Instant lastModified, Clock clock) {
        this(currentEtag, Optional.of(lastModified.truncatedTo(ChronoUnit.SECONDS)), clock);
    }

    private ConditionalRequest(String currentEtag, Optional<Instant> lastModified, Clock clock) {
        this.currentEtagField = currentEtag;
        this.currentEtag = EntityTag.parse(currentEtag)
                .filter(tag -> !tag.weak())
                .orElseThrow(() -> new IllegalArgumentException("not a strong entity-tag: " + currentEtag));
        this.lastModified = lastModified;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * For a representation whose only validator is its strong entity-tag. Without a modification date,
     * {@code If-Unmodified-Since} and {@code If-Modified-Since} are ignored (RFC 9110 §13.1.4, §13.1.3)
     * and a date in {@code If-Range} never matches (§13.1.5).
     *
     * @throws IllegalArgumentException when {@code currentEtag} is not a strong entity-tag
     */
    public static ConditionalRequest withoutLastModified(String currentEtag) {
        // No date is ever compared, so the clock is never read.
        return new ConditionalRequest(currentEtag, Optional.empty(), Clock.systemUTC());
    }

    /**
     * Evaluates RFC 9110 §13.2.2 steps 1 to 4 for a request with {@code method} (case-sensitive).
     *
     * <ol>
     *   <li>{@code If-Match} present: false (strong comparison) → 412.
     *   <li>Else {@code If-Unmodified-Since} a valid date: modified after it → 412.
     *   <li>{@code If-None-Match} present: false (weak comparison) → 304 for GET and HEAD, else 412.
     *   <li>Else, for GET and HEAD, {@code If-Modified-Since} a valid date not after the clock:
     *       not modified since → 304. Any {@code If-None-Match}, even a malformed one, disables
     *       this step (nginx checks both; RFC 9110 §13.1.3 says not to).
     * </ol>
     *
     * Otherwise {@link Outcome#PROCEED}; step 5 ({@code If-Range}) is {@link #rangeApplies}.
     */
    public Outcome evaluate(String method, Headers headers) {
        if (headers.ifMatch() != null) {
            if (!isCurrentEtag(headers.ifMatch())
                    && !EntityTagList.parse(headers.ifMatch()).strongMatches(currentEtag)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (modifiedAfter(headers.ifUnmodifiedSince())) {
            return Outcome.PRECONDITION_FAILED;
        }
        boolean getOrHead = method.equals("GET") || method.equals("HEAD");
        if (headers.ifNoneMatch() != null) {
            if (isCurrentEtag(headers.ifNoneMatch())
                    || EntityTagList.parse(headers.ifNoneMatch()).weakMatches(currentEtag)) {
                return getOrHead ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (getOrHead && notModifiedSince(headers.ifModifiedSince())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether the field is exactly the current {@code ETag}, as a cache revalidating its copy sends it: a list of
     * that one strong tag, which matches under either comparison, without parsing the list.
     */
    private boolean isCurrentEtag(String fieldValue) {
        return fieldValue.equals(currentEtagField);
    }

    /**
     * Whether a {@code Range} may be honoured given {@code If-Range} (RFC 9110 §13.1.5); when false
     * the caller sends the whole representation with 200.
     *
     * <ul>
     *   <li>absent (null) → true;
     *   <li>an entity-tag → it strongly matches the current one (a weak tag never does);
     *   <li>an HTTP-date → it equals {@code Last-Modified} exactly. RFC 9110 §8.8.2.2 counts a date
     *       as a strong validator only when the origin knows the representation did not change
     *       twice within that second (a client checks Last-Modified is at least 1 s before Date).
     *       This type keeps the plain exact-match rule: the residual risk is content replaced twice
     *       in one second, and clients send the strong {@code ETag}, which every response carries,
     *       in {@code If-Range} whenever they have it; versioned paths never change at all;
     *   <li>anything else (a list, a malformed tag, an invalid date) → false.
     * </ul>
     */
    public boolean rangeApplies(String ifRange) {
        if (ifRange == null) {
            return true;
        }
        String value = Ows.trim(ifRange);
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return EntityTag.parse(value).filter(tag -> tag.strongMatches(currentEtag)).isPresent();
        }
        return lastModified.flatMap(modified -> date(value).filter(modified::equals)).isPresent();
    }

    private boolean modifiedAfter(String ifUnmodifiedSince) {
        return lastModified.flatMap(modified -> date(ifUnmodifiedSince).filter(modified::isAfter)).isPresent();
    }

    private boolean notModifiedSince(String ifModifiedSince) {
        return lastModified.flatMap(modified -> date(ifModifiedSince)
                        .filter(since -> !since.isAfter(clock.instant()))
                        .filter(since -> !modified.isAfter(since)))
                .isPresent();
    }

    private Optional<Instant> date(String value) {
        return HttpDates.parse(value, clock);
    }
}
