package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagListTest {

    private static final EntityTag CURRENT = new EntityTag("v2", false);

    @Nested
    class Parsing {

        @Test
        void parsesListInOrder() {
            EntityTagList list = EntityTagList.parse("\"a\", W/\"b\",\"c\"");

            assertThat(list.tags()).containsExactly(
                    new EntityTag("a", false), new EntityTag("b", true), new EntityTag("c", false));
            assertThat(list.isAny()).isFalse();
            assertThat(list.isMalformed()).isFalse();
        }

        @Test
        void parsesStar() {
            EntityTagList list = EntityTagList.parse(" * ");

            assertThat(list.isAny()).isTrue();
            assertThat(list.tags()).isEmpty();
        }

        @Test
        void toleratesOwsAroundCommas() {
            assertThat(EntityTagList.parse("\t\"a\" \t,\t \"b\"\t").tags())
                    .containsExactly(new EntityTag("a", false), new EntityTag("b", false));
        }

        @Test
        void ignoresEmptyElements() {
            assertThat(EntityTagList.parse(", ,\"a\",,  ,\"b\",").tags())
                    .containsExactly(new EntityTag("a", false), new EntityTag("b", false));
        }

        @Test
        void keepsCommaInsideOpaqueTag() {
            assertThat(EntityTagList.parse("\"a,b\", \"c\"").tags())
                    .containsExactly(new EntityTag("a,b", false), new EntityTag("c", false));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", ",", " , ,"})
        void readsEmptyFieldAsEmptyList(String value) {
            EntityTagList list = EntityTagList.parse(value);

            assertThat(list.tags()).isEmpty();
            assertThat(list.isMalformed()).isFalse();
            assertThat(list.weakMatches(CURRENT)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "\"a\", b", "\"a\" \"b\"", "\"a", "w/\"a\"", "*, \"a\"", "\"a\", *",
                "**", "\"a\";\"b\"", "\"a\"x", "\"v2\", \"bad"})
        void marksMalformedFieldAsMatchingNothing(String value) {
            EntityTagList list = EntityTagList.parse(value);

            assertThat(list.isMalformed()).isTrue();
            assertThat(list.isAny()).isFalse();
            assertThat(list.tags()).isEmpty();
            assertThat(list.strongMatches(CURRENT)).isFalse();
            assertThat(list.weakMatches(CURRENT)).isFalse();
        }

        @Test
        void treatsWholeFieldAsMalformedEvenWhenAValidTagMatches() {
            assertThat(EntityTagList.parse("\"v2\", garbage").weakMatches(CURRENT)).isFalse();
        }
    }

    @Nested
    class Matching {

        @Test
        void starMatchesStronglyAndWeakly() {
            EntityTagList any = EntityTagList.parse("*");

            assertThat(any.strongMatches(CURRENT)).isTrue();
            assertThat(any.weakMatches(CURRENT)).isTrue();
        }

        @Test
        void strongMatchFindsTagAnywhereInList() {
            assertThat(EntityTagList.parse("\"v0\", \"v1\", \"v2\"").strongMatches(CURRENT)).isTrue();
        }

        @Test
        void strongMatchNeverAcceptsWeakTag() {
            assertThat(EntityTagList.parse("W/\"v2\"").strongMatches(CURRENT)).isFalse();
        }

        @Test
        void weakMatchAcceptsWeakTag() {
            assertThat(EntityTagList.parse("\"v1\", W/\"v2\"").weakMatches(CURRENT)).isTrue();
        }

        @Test
        void noMatchWhenTagAbsent() {
            EntityTagList list = EntityTagList.parse("\"v1\", W/\"v3\"");

            assertThat(list.strongMatches(CURRENT)).isFalse();
            assertThat(list.weakMatches(CURRENT)).isFalse();
        }
    }

    @Nested
    class HugeFields {

        @Test
        void parsesTenThousandTagsInLinearTime() {
            String field = IntStream.range(0, 10_000).mapToObj(i -> "W/\"tag-" + i + "\"")
                    .collect(Collectors.joining(" , ")) + ", \"v2\"";

            EntityTagList list = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> EntityTagList.parse(field));

            assertThat(list.tags()).hasSize(10_001);
            assertThat(list.strongMatches(CURRENT)).isTrue();
        }

        @Test
        void rejectsHugeUnterminatedTagQuickly() {
            String field = "\"" + "a".repeat(1_000_000);

            EntityTagList list = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> EntityTagList.parse(field));

            assertThat(list.isMalformed()).isTrue();
        }

        @Test
        void skipsHundredThousandEmptyElementsQuickly() {
            String field = ", ".repeat(100_000) + "\"v2\"";

            EntityTagList list = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> EntityTagList.parse(field));

            assertThat(list.tags()).containsExactly(CURRENT);
        }
    }
}
