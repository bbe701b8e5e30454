package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagTest {

    @Nested
    class Parsing {

        @Test
        void parsesStrongTag() {
            assertThat(EntityTag.parse("\"abc\"")).contains(new EntityTag("abc", false));
        }

        @Test
        void parsesWeakTag() {
            assertThat(EntityTag.parse("W/\"abc\"")).contains(new EntityTag("abc", true));
        }

        @Test
        void parsesEmptyOpaqueTag() {
            assertThat(EntityTag.parse("\"\"")).contains(new EntityTag("", false));
        }

        @Test
        void toleratesSurroundingOws() {
            assertThat(EntityTag.parse(" \t\"abc\"\t ")).contains(new EntityTag("abc", false));
        }

        @Test
        void keepsCommasAndObsTextInsideQuotes() {
            assertThat(EntityTag.parse("\"a,b\u00e9\"")).contains(new EntityTag("a,b\u00e9", false));
        }

        @Test
        void acceptsSha256StyleTag() {
            String hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
            assertThat(EntityTag.parse("\"" + hex + "\"")).contains(new EntityTag(hex, false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", " ", "abc", "\"abc", "abc\"", "w/\"abc\"", "W/abc", "W/", "\"a\"b",
                "\"a\" \"b\"", "\"a\",\"b\"", "\"a b\"", "\"a\"\"", "\"a\u0001\"", "\"a\u0100\"", "*"})
        void rejectsAnythingButOneTag(String value) {
            assertThat(EntityTag.parse(value)).isEmpty();
        }

        @Test
        void rejectsNull() {
            assertThat(EntityTag.parse(null)).isEmpty();
        }
    }

    @Nested
    class Comparison {

        /** The table of RFC 9110 §8.8.3.2. */
        @ParameterizedTest(name = "{0} vs {1}: strong={2}, weak={3}")
        @CsvSource(delimiter = '|', value = {
            "W/\"1\" | W/\"1\" | false | true",
            "W/\"1\" | W/\"2\" | false | false",
            "W/\"1\" | \"1\"   | false | true",
            "\"1\"   | \"1\"   | true  | true",
            "\"1\"   | \"2\"   | false | false"})
        void followsRfcComparisonTable(String first, String second, boolean strong, boolean weak) {
            EntityTag a = EntityTag.parse(first).orElseThrow();
            EntityTag b = EntityTag.parse(second).orElseThrow();

            assertThat(a.strongMatches(b)).isEqualTo(strong);
            assertThat(b.strongMatches(a)).isEqualTo(strong);
            assertThat(a.weakMatches(b)).isEqualTo(weak);
            assertThat(b.weakMatches(a)).isEqualTo(weak);
        }

        @Test
        void comparesOpaqueTagsCaseSensitively() {
            assertThat(new EntityTag("ABC", false).weakMatches(new EntityTag("abc", false))).isFalse();
        }
    }

    @Nested
    class Rendering {

        @Test
        void rendersStrongTagWithQuotes() {
            assertThat(new EntityTag("abc", false)).hasToString("\"abc\"");
        }

        @Test
        void rendersWeakTagWithIndicator() {
            assertThat(new EntityTag("abc", true)).hasToString("W/\"abc\"");
        }

        @Test
        void refusesOpaqueTagWithQuote() {
            assertThatThrownBy(() -> new EntityTag("a\"b", false))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a\"b");
        }
    }
}
