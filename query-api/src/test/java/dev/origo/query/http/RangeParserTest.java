package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.origo.query.http.ByteRangeRequest.Kind;
import java.time.Duration;
import java.util.Collections;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RangeParserTest {

    private final RangeParser parser = new RangeParser();

    private static ByteRange range(long start, long end, long length) {
        return new ByteRange(start, end, length);
    }

    @Nested
    class SingleRanges {

        @Test
        void resolvesClosedRange() {
            ByteRangeRequest request = parser.parse("bytes=0-99", 1000);

            assertThat(request.kind()).isEqualTo(Kind.SATISFIABLE);
            assertThat(request.ranges()).containsExactly(range(0, 99, 1000));
            assertThat(request.isMultipart()).isFalse();
            assertThat(request.ranges().get(0).contentRangeHeader()).isEqualTo("bytes 0-99/1000");
        }

        @Test
        void resolvesOneByteRange() {
            assertThat(parser.parse("bytes=5-5", 10).ranges()).containsExactly(range(5, 5, 10));
        }

        @Test
        void resolvesOpenRangeToEnd() {
            assertThat(parser.parse("bytes=900-", 1000).ranges()).containsExactly(range(900, 999, 1000));
        }

        @Test
        void resolvesSuffixRange() {
            assertThat(parser.parse("bytes=-100", 1000).ranges()).containsExactly(range(900, 999, 1000));
        }

        @Test
        void resolvesSuffixLongerThanRepresentationToWhole() {
            assertThat(parser.parse("bytes=-5000", 1000).ranges()).containsExactly(range(0, 999, 1000));
        }

        @Test
        void clampsLastPositionToEnd() {
            assertThat(parser.parse("bytes=500-5000", 1000).ranges()).containsExactly(range(500, 999, 1000));
        }

        @Test
        void acceptsWholeRepresentationAsRange() {
            assertThat(parser.parse("bytes=0-", 1000).ranges()).containsExactly(range(0, 999, 1000));
        }

        @Test
        void readsUnitCaseInsensitively() {
            assertThat(parser.parse("Bytes=0-0", 10).ranges()).containsExactly(range(0, 0, 10));
        }

        @Test
        void acceptsLeadingZeros() {
            assertThat(parser.parse("bytes=0000000000000000000000000010-000020", 100).ranges())
                    .containsExactly(range(10, 20, 100));
        }

        @Test
        void handlesMaximalLength() {
            ByteRangeRequest request = parser.parse("bytes=0-", Long.MAX_VALUE);

            assertThat(request.ranges()).containsExactly(range(0, Long.MAX_VALUE - 1, Long.MAX_VALUE));
            assertThat(request.ranges().get(0).length()).isEqualTo(Long.MAX_VALUE);
        }

        @Test
        void acceptsLargestLongPosition() {
            assertThat(parser.parse("bytes=9223372036854775806-9223372036854775807", Long.MAX_VALUE).ranges())
                    .containsExactly(range(Long.MAX_VALUE - 1, Long.MAX_VALUE - 1, Long.MAX_VALUE));
        }
    }

    @Nested
    class Ignored {

        @Test
        void returnsNoneWithoutField() {
            ByteRangeRequest request = parser.parse(null, 1000);

            assertThat(request.kind()).isEqualTo(Kind.NONE);
            assertThat(request.ranges()).isEmpty();
            assertThat(request.completeLength()).isEqualTo(1000);
        }

        @ParameterizedTest
        @ValueSource(strings = {"items=0-1", "byte=0-1", "bytesx=0-1", "none", "0-99", "bytes 0-99", "bytes:0-99",
                "bytes =0-99", " =0-99"})
        void ignoresOtherUnitsAndMissingEquals(String value) {
            assertThat(parser.parse(value, 1000).kind()).isEqualTo(Kind.NONE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"bytes=", "bytes= ", "bytes=,", "bytes=, ,", "bytes=abc", "bytes=5-1", "bytes=--5",
                "bytes=-", "bytes=5", "bytes=-5-", "bytes=1-2-3", "bytes=0-1,abc", "bytes=0-1,5-1", "bytes=0 -1",
                "bytes=0- 1", "bytes=- 5", "bytes=+1-2", "bytes=-+5", "bytes=0x10-0x20", "bytes=1.5-2",
                "bytes=0-1;2-3", "bytes=0-1 2-3", "bytes=１-2", "bytes=0-1\u0000",
                "bytes=9223372036854775808-", "bytes=0-9223372036854775808", "bytes=-9223372036854775808",
                "bytes=99999999999999999999999-"})
        void ignoresMalformedSet(String value) {
            ByteRangeRequest request = parser.parse(value, 1000);

            assertThat(request.kind()).isEqualTo(Kind.NONE);
            assertThat(request.ranges()).isEmpty();
        }

        @Test
        void ignoresMalformedSetEvenWhenUnsatisfiable() {
            assertThat(parser.parse("bytes=2000-3000,abc", 1000).kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void refusesNegativeLength() {
            assertThatThrownBy(() -> parser.parse("bytes=0-1", -1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ListSyntax {

        @Test
        void toleratesOwsAroundCommasAndAfterEquals() {
            assertThat(parser.parse(" bytes= 0-1 ,\t4-5\t, 8-9 ", 100).ranges())
                    .containsExactly(range(0, 1, 100), range(4, 5, 100), range(8, 9, 100));
        }

        @Test
        void skipsEmptyElements() {
            assertThat(parser.parse("bytes=,0-1,, ,4-5,", 100).ranges())
                    .containsExactly(range(0, 1, 100), range(4, 5, 100));
        }
    }

    @Nested
    class Unsatisfiable {

        @Test
        void rejectsFirstPositionAtLength() {
            ByteRangeRequest request = parser.parse("bytes=1000-", 1000);

            assertThat(request.kind()).isEqualTo(Kind.UNSATISFIABLE);
            assertThat(request.ranges()).isEmpty();
            assertThat(request.unsatisfiedContentRange()).isEqualTo("bytes */1000");
        }

        @Test
        void rejectsZeroSuffix() {
            assertThat(parser.parse("bytes=-0", 1000).kind()).isEqualTo(Kind.UNSATISFIABLE);
        }

        @Test
        void rejectsWhenEverySpecIsUnsatisfiable() {
            assertThat(parser.parse("bytes=1000-1001, 5000-, -0", 1000).kind()).isEqualTo(Kind.UNSATISFIABLE);
        }

        @Test
        void dropsUnsatisfiableSpecsWhenOneIsSatisfiable() {
            ByteRangeRequest request = parser.parse("bytes=2000-3000, 10-19", 1000);

            assertThat(request.kind()).isEqualTo(Kind.SATISFIABLE);
            assertThat(request.ranges()).containsExactly(range(10, 19, 1000));
        }

        @ParameterizedTest
        @ValueSource(strings = {"bytes=0-0", "bytes=0-", "bytes=-0", "bytes=5-10", "bytes=0-0,-0"})
        void rejectsPositionsAndZeroSuffixesOfEmptyRepresentation(String value) {
            ByteRangeRequest request = parser.parse(value, 0);

            assertThat(request.kind()).isEqualTo(Kind.UNSATISFIABLE);
            assertThat(request.unsatisfiedContentRange()).isEqualTo("bytes */0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"bytes=-1", "bytes=-500", "bytes=0-0,-5", "bytes=-0,-1"})
        void ignoresNonZeroSuffixOfEmptyRepresentation(String value) {
            ByteRangeRequest request = parser.parse(value, 0);

            assertThat(request.kind()).isEqualTo(Kind.NONE);
            assertThat(request.ranges()).isEmpty();
        }

        @Test
        void ignoresMalformedFieldOnEmptyRepresentation() {
            assertThat(parser.parse("bytes=abc", 0).kind()).isEqualTo(Kind.NONE);
        }
    }

    @Nested
    class MultipleRanges {

        @Test
        void keepsDisjointRangesInRequestOrder() {
            ByteRangeRequest request = parser.parse("bytes=500-599,0-99,-100", 1000);

            assertThat(request.isMultipart()).isTrue();
            assertThat(request.ranges())
                    .containsExactly(range(500, 599, 1000), range(0, 99, 1000), range(900, 999, 1000));
        }

        @Test
        void coalescesOverlappingRanges() {
            assertThat(parser.parse("bytes=0-99,50-149,300-399", 1000).ranges())
                    .containsExactly(range(0, 149, 1000), range(300, 399, 1000));
        }

        @Test
        void coalescesAdjacentRangesIntoSingleRange() {
            ByteRangeRequest request = parser.parse("bytes=0-499,500-999", 1000);

            assertThat(request.isMultipart()).isFalse();
            assertThat(request.ranges()).containsExactly(range(0, 999, 1000));
        }

        @Test
        void coalescesRepeatedWholeRangesIntoOne() {
            String field = "bytes=" + String.join(",", Collections.nCopies(16, "0-"));

            assertThat(parser.parse(field, 1000).ranges()).containsExactly(range(0, 999, 1000));
        }

        @Test
        void servesUpToTheCap() {
            String field = "bytes=" + IntStream.range(0, 16).mapToObj(i -> (i * 10) + "-" + (i * 10))
                    .collect(Collectors.joining(","));

            ByteRangeRequest request = parser.parse(field, 1000);

            assertThat(request.ranges()).hasSize(16).startsWith(range(0, 0, 1000)).endsWith(range(150, 150, 1000));
        }

        @Test
        void ignoresFieldPastTheCap() {
            String field = "bytes=" + IntStream.range(0, 17).mapToObj(i -> (i * 10) + "-" + (i * 10))
                    .collect(Collectors.joining(","));

            assertThat(parser.parse(field, 1000).kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void countsUnsatisfiableSpecsTowardsTheCap() {
            String field = "bytes=0-0" + ",5000-".repeat(16);

            assertThat(parser.parse(field, 1000).kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void appliesConfiguredCap() {
            RangeParser strict = new RangeParser(2);

            assertThat(strict.parse("bytes=0-0,2-2", 10).ranges()).hasSize(2);
            assertThat(strict.parse("bytes=0-0,2-2,4-4", 10).kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void refusesCapBelowOne() {
            assertThatThrownBy(() -> new RangeParser(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class HostileFields {

        @Test
        void stopsAtTheCapWithoutReadingTheRest() {
            String field = "bytes=" + "0-0,".repeat(17) + "x".repeat(2_000_000);

            ByteRangeRequest request = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse(field, 10));

            assertThat(request.kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void ignoresTwoHundredRangesWithinEightKibibytes() {
            String field = "bytes=" + IntStream.range(0, 2000).mapToObj(i -> i + "-" + i)
                    .collect(Collectors.joining(","));
            String header = field.substring(0, 8192);

            assertThat(header.split(",")).hasSizeGreaterThan(200);
            assertThat(parser.parse(header, 10_000).kind()).isEqualTo(Kind.NONE);
        }

        @Test
        void handlesMegabyteOfEmptyElementsInLinearTime() {
            String field = "bytes=" + ", ".repeat(500_000) + "0-0";

            ByteRangeRequest request = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse(field, 10));

            assertThat(request.ranges()).containsExactly(range(0, 0, 10));
        }

        @Test
        void handlesMegabyteOfLeadingZerosInLinearTime() {
            String field = "bytes=" + "0".repeat(1_000_000) + "7-";

            ByteRangeRequest request = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> parser.parse(field, 10));

            assertThat(request.ranges()).containsExactly(range(7, 9, 10));
        }
    }
}
