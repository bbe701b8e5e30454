package dev.origo.query.http;

import static dev.origo.query.http.ConditionalRequest.Outcome.NOT_MODIFIED;
import static dev.origo.query.http.ConditionalRequest.Outcome.PRECONDITION_FAILED;
import static dev.origo.query.http.ConditionalRequest.Outcome.PROCEED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origo.query.http.ConditionalRequest.Headers;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConditionalRequestTest {

    private static final String HEX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String ETAG = "\"" + HEX + "\"";
    private static final String OTHER = "\"" + "0".repeat(64) + "\"";
    private static final Instant LAST_MODIFIED = Instant.parse("2025-01-10T12:00:00Z");
    private static final String AT = "Fri, 10 Jan 2025 12:00:00 GMT";
    private static final String BEFORE = "Fri, 10 Jan 2025 11:59:59 GMT";
    private static final String AFTER = "Fri, 10 Jan 2025 12:00:01 GMT";
    private static final Clock NOW = Clock.fixed(Instant.parse("2025-02-01T00:00:00Z"), ZoneOffset.UTC);

    private final ConditionalRequest request = new ConditionalRequest(ETAG, LAST_MODIFIED.plusMillis(750), NOW);

    private static Headers ifMatch(String value) {
        return new Headers(value, null, null, null);
    }

    private static Headers ifNoneMatch(String value) {
        return new Headers(null, value, null, null);
    }

    private static Headers ifModifiedSince(String value) {
        return new Headers(null, null, value, null);
    }

    private static Headers ifUnmodifiedSince(String value) {
        return new Headers(null, null, null, value);
    }

    @Test
    void proceedsWithoutPreconditions() {
        assertThat(request.evaluate("GET", Headers.NONE)).isEqualTo(PROCEED);
    }

    @Test
    void readsHeadersByFieldName() {
        Map<String, String> fields = Map.of("If-Match", "\"a\"", "If-None-Match", "\"b\"",
                "If-Modified-Since", AT, "If-Unmodified-Since", BEFORE);

        assertThat(Headers.from(fields::get)).isEqualTo(new Headers("\"a\"", "\"b\"", AT, BEFORE));
    }

    @Test
    void refusesWeakCurrentEtag() {
        assertThatThrownBy(() -> new ConditionalRequest("W/" + ETAG, LAST_MODIFIED, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("W/" + ETAG);
    }

    @Test
    void refusesUnquotedCurrentEtag() {
        assertThatThrownBy(() -> new ConditionalRequest(HEX, LAST_MODIFIED, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Nested
    class IfMatch {

        @Test
        void proceedsWhenEtagMatches() {
            assertThat(request.evaluate("GET", ifMatch(ETAG))).isEqualTo(PROCEED);
        }

        @Test
        void proceedsWhenAnyListedEtagMatches() {
            assertThat(request.evaluate("GET", ifMatch(OTHER + ", " + ETAG))).isEqualTo(PROCEED);
        }

        @Test
        void proceedsOnStarBecauseRepresentationExists() {
            assertThat(request.evaluate("HEAD", ifMatch("*"))).isEqualTo(PROCEED);
        }

        @Test
        void failsWhenEtagDiffers() {
            assertThat(request.evaluate("GET", ifMatch(OTHER))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void failsOnWeakEtagBecauseComparisonIsStrong() {
            assertThat(request.evaluate("GET", ifMatch("W/" + ETAG))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void failsOnMalformedList() {
            assertThat(request.evaluate("GET", ifMatch(ETAG + ", nonsense"))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void failsOnEmptyList() {
            assertThat(request.evaluate("GET", ifMatch(""))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void overridesIfUnmodifiedSince() {
            Headers headers = new Headers(ETAG, null, null, BEFORE);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PROCEED);
        }

        @Test
        void failsBeforeIfNoneMatchIsConsidered() {
            Headers headers = new Headers(OTHER, ETAG, null, null);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PRECONDITION_FAILED);
        }
    }

    @Nested
    class IfUnmodifiedSince {

        @Test
        void proceedsWhenNotModifiedSince() {
            assertThat(request.evaluate("GET", ifUnmodifiedSince(AT))).isEqualTo(PROCEED);
        }

        @Test
        void failsWhenModifiedAfterDate() {
            assertThat(request.evaluate("GET", ifUnmodifiedSince(BEFORE))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void proceedsWhenDateIsLater() {
            assertThat(request.evaluate("GET", ifUnmodifiedSince(AFTER))).isEqualTo(PROCEED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "yesterday", "Fri, 10 Jan 2025 11:59:59 GMT, Fri, 10 Jan 2025 11:59:59 GMT"})
        void ignoresInvalidDate(String value) {
            assertThat(request.evaluate("GET", ifUnmodifiedSince(value))).isEqualTo(PROCEED);
        }

        @Test
        void failsBeforeIfNoneMatchIsConsidered() {
            Headers headers = new Headers(null, ETAG, null, BEFORE);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PRECONDITION_FAILED);
        }
    }

    @Nested
    class IfNoneMatch {

        @Test
        void returnsNotModifiedWhenEtagMatches() {
            assertThat(request.evaluate("GET", ifNoneMatch(ETAG))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void returnsNotModifiedForHead() {
            assertThat(request.evaluate("HEAD", ifNoneMatch(ETAG))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void returnsNotModifiedWhenWeakEtagMatches() {
            assertThat(request.evaluate("GET", ifNoneMatch("W/" + ETAG))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void returnsNotModifiedWhenEtagIsInList() {
            assertThat(request.evaluate("GET", ifNoneMatch(OTHER + " , W/\"x\", " + ETAG))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void returnsNotModifiedOnStar() {
            assertThat(request.evaluate("GET", ifNoneMatch("*"))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void proceedsWhenEtagDiffers() {
            assertThat(request.evaluate("GET", ifNoneMatch(OTHER))).isEqualTo(PROCEED);
        }

        @Test
        void proceedsOnMalformedList() {
            assertThat(request.evaluate("GET", ifNoneMatch(ETAG + ", {oops}"))).isEqualTo(PROCEED);
        }

        @Test
        void failsPreconditionForOtherMethods() {
            assertThat(request.evaluate("POST", ifNoneMatch(ETAG))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void treatsMethodNameCaseSensitively() {
            assertThat(request.evaluate("get", ifNoneMatch(ETAG))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void proceedsOnMismatchEvenWhenIfModifiedSinceWouldBeNotModified() {
            Headers headers = new Headers(null, OTHER, AFTER, null);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PROCEED);
        }

        @Test
        void followsIfMatchThatHeld() {
            Headers headers = new Headers(ETAG, ETAG, null, null);

            assertThat(request.evaluate("GET", headers)).isEqualTo(NOT_MODIFIED);
        }
    }

    @Nested
    class IfModifiedSince {

        @Test
        void returnsNotModifiedWhenDateEqualsLastModified() {
            assertThat(request.evaluate("GET", ifModifiedSince(AT))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void returnsNotModifiedWhenDateIsLater() {
            assertThat(request.evaluate("HEAD", ifModifiedSince(AFTER))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void proceedsWhenModifiedSince() {
            assertThat(request.evaluate("GET", ifModifiedSince(BEFORE))).isEqualTo(PROCEED);
        }

        @Test
        void acceptsObsoleteDateFormats() {
            assertThat(request.evaluate("GET", ifModifiedSince("Fri Jan 10 12:00:00 2025"))).isEqualTo(NOT_MODIFIED);
            assertThat(request.evaluate("GET", ifModifiedSince("Friday, 10-Jan-25 12:00:00 GMT")))
                    .isEqualTo(NOT_MODIFIED);
        }

        @Test
        void ignoresDateInTheFuture() {
            assertThat(request.evaluate("GET", ifModifiedSince("Sat, 01 Feb 2025 00:00:01 GMT"))).isEqualTo(PROCEED);
        }

        @Test
        void acceptsDateEqualToNow() {
            assertThat(request.evaluate("GET", ifModifiedSince("Sat, 01 Feb 2025 00:00:00 GMT")))
                    .isEqualTo(NOT_MODIFIED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "-1", "Fri, 10 Jan 2025 12:00:00 CET", AT + ", " + AT})
        void ignoresInvalidDate(String value) {
            assertThat(request.evaluate("GET", ifModifiedSince(value))).isEqualTo(PROCEED);
        }

        @Test
        void ignoresForOtherMethods() {
            assertThat(request.evaluate("POST", ifModifiedSince(AT))).isEqualTo(PROCEED);
        }

        @Test
        void ignoredWhenIfNoneMatchPresent() {
            Headers headers = new Headers(null, OTHER, AT, null);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PROCEED);
        }

        @Test
        void ignoredWhenIfNoneMatchIsMalformed() {
            Headers headers = new Headers(null, "garbage", AT, null);

            assertThat(request.evaluate("GET", headers)).isEqualTo(PROCEED);
        }
    }

    @Nested
    class IfRange {

        @Test
        void appliesWhenAbsent() {
            assertThat(request.rangeApplies(null)).isTrue();
        }

        @Test
        void appliesWhenEtagMatchesStrongly() {
            assertThat(request.rangeApplies(ETAG)).isTrue();
        }

        @Test
        void appliesWithSurroundingOws() {
            assertThat(request.rangeApplies(" " + ETAG + "\t")).isTrue();
        }

        @Test
        void doesNotApplyForWeakEtag() {
            assertThat(request.rangeApplies("W/" + ETAG)).isFalse();
        }

        @Test
        void doesNotApplyForOtherEtag() {
            assertThat(request.rangeApplies(OTHER)).isFalse();
        }

        @Test
        void doesNotApplyForEtagList() {
            assertThat(request.rangeApplies(ETAG + ", " + OTHER)).isFalse();
        }

        @Test
        void appliesWhenDateEqualsLastModified() {
            assertThat(request.rangeApplies(AT)).isTrue();
        }

        @Test
        void doesNotApplyForLaterDate() {
            assertThat(request.rangeApplies(AFTER)).isFalse();
        }

        @Test
        void doesNotApplyForEarlierDate() {
            assertThat(request.rangeApplies(BEFORE)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "*", "\"unterminated", "W/", "w/" + "\"x\"", "tomorrow", HEX})
        void doesNotApplyWhenMalformed(String value) {
            assertThat(request.rangeApplies(value)).isFalse();
        }
    }

    /** A representation whose only validator is its ETag (the metadata): dates cannot be compared. */
    @Nested
    class WithoutLastModified {

        private final ConditionalRequest etagOnly = ConditionalRequest.withoutLastModified(ETAG);

        @Test
        void ignoresIfUnmodifiedSince() {
            assertThat(etagOnly.evaluate("GET", ifUnmodifiedSince(BEFORE))).isEqualTo(PROCEED);
        }

        @Test
        void ignoresIfModifiedSince() {
            assertThat(etagOnly.evaluate("GET", ifModifiedSince(AFTER))).isEqualTo(PROCEED);
        }

        @Test
        void stillFailsWhenIfMatchDiffers() {
            assertThat(etagOnly.evaluate("GET", ifMatch(OTHER))).isEqualTo(PRECONDITION_FAILED);
        }

        @Test
        void stillReturnsNotModifiedOnStar() {
            assertThat(etagOnly.evaluate("HEAD", ifNoneMatch("*"))).isEqualTo(NOT_MODIFIED);
        }

        @Test
        void rangeDoesNotApplyForADate() {
            assertThat(etagOnly.rangeApplies(AT)).isFalse();
        }

        @Test
        void rangeAppliesWhenEtagMatchesStrongly() {
            assertThat(etagOnly.rangeApplies(ETAG)).isTrue();
        }

        @Test
        void refusesWeakCurrentEtag() {
            assertThatThrownBy(() -> ConditionalRequest.withoutLastModified("W/" + ETAG))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
