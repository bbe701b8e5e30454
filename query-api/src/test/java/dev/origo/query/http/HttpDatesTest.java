package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {

    private static final Instant RFC_EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");
    private static final Clock CLOCK_2025 = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

    @Nested
    class Formatting {

        @Test
        void formatsImfFixdate() {
            assertThat(HttpDates.format(RFC_EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        }

        @Test
        void dropsFractionOfSecond() {
            assertThat(HttpDates.format(Instant.parse("2024-02-29T23:59:59.999Z")))
                    .isEqualTo("Thu, 29 Feb 2024 23:59:59 GMT");
        }

        @Test
        void padsDayAndYear() {
            assertThat(HttpDates.format(Instant.parse("0042-01-05T01:02:03Z")))
                    .isEqualTo("Sun, 05 Jan 0042 01:02:03 GMT");
        }

        @Test
        void formatsEpoch() {
            assertThat(HttpDates.format(Instant.EPOCH)).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
        }

        @Test
        void refusesYearBeyondFourDigits() {
            assertThatThrownBy(() -> HttpDates.format(Instant.parse("+10000-01-01T00:00:00Z")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refusesYearBeforeZero() {
            assertThatThrownBy(() -> HttpDates.format(Instant.parse("-0001-12-31T23:59:59Z")))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void roundTripsThroughParse() {
            Instant instant = Instant.parse("2031-07-14T12:00:01Z");

            assertThat(HttpDates.parse(HttpDates.format(instant))).contains(instant);
        }
    }

    @Nested
    class Parsing {

        @Test
        void parsesImfFixdate() {
            assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT", CLOCK_2025)).contains(RFC_EXAMPLE);
        }

        @Test
        void parsesRfc850Date() {
            assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", CLOCK_2025)).contains(RFC_EXAMPLE);
        }

        @Test
        void parsesAsctimeWithSpacePaddedDay() {
            assertThat(HttpDates.parse("Sun Nov  6 08:49:37 1994", CLOCK_2025)).contains(RFC_EXAMPLE);
        }

        @Test
        void parsesAsctimeWithTwoDigitDay() {
            assertThat(HttpDates.parse("Sun Nov 16 08:49:37 1994", CLOCK_2025))
                    .contains(Instant.parse("1994-11-16T08:49:37Z"));
        }

        @Test
        void toleratesSurroundingOws() {
            assertThat(HttpDates.parse(" \tSun, 06 Nov 1994 08:49:37 GMT ", CLOCK_2025)).contains(RFC_EXAMPLE);
        }

        @Test
        void ignoresWrongDayName() {
            assertThat(HttpDates.parse("Mon, 06 Nov 1994 08:49:37 GMT", CLOCK_2025)).contains(RFC_EXAMPLE);
        }

        @Test
        void readsLeapSecondAsLastSecondOfMinute() {
            assertThat(HttpDates.parse("Sat, 31 Dec 2016 23:59:60 GMT", CLOCK_2025))
                    .contains(Instant.parse("2016-12-31T23:59:59Z"));
        }

        @Test
        void acceptsLeapDay() {
            assertThat(HttpDates.parse("Thu, 29 Feb 2024 00:00:00 GMT", CLOCK_2025))
                    .contains(Instant.parse("2024-02-29T00:00:00Z"));
        }

        @Test
        void parsesWithSystemClock() {
            assertThat(HttpDates.parse("Sun, 06 Nov 1994 08:49:37 GMT")).contains(RFC_EXAMPLE);
        }

        @Test
        void returnsEmptyForNull() {
            assertThat(HttpDates.parse(null, CLOCK_2025)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "",
            "garbage",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 06 Nov 1994 08:49:37 +0000",
            "sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 94 08:49:37 GMT",
            "Sun, 06 Nov 1994 8:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:60:00 GMT",
            "Sun, 06 Nov 1994 08:49:61 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 2023 08:49:37 GMT",
            "Sun, 00 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08-49-37 GMT",
            "Sun, 06 Nov 1994 08:49:37GMT ",
            "Sun, ０6 Nov 1994 08:49:37 GMT",
            "Sun,  06 Nov 1994 08:49:37 GMT",
            "Sun 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sunday, 06 Nov 94 08:49:37 GMT",
            "Sundae, 06-Nov-94 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 94",
            "Sun Nov   6 08:49:37 1994",
            "Sun Nov 6 08:49:37 1994",
            "Sun Nov  6 08:49:37 1994 GMT",
            "1994-11-06T08:49:37Z",
            "784111777"})
        void returnsEmptyForInvalidDate(String value) {
            assertThat(HttpDates.parse(value, CLOCK_2025)).isEmpty();
        }
    }

    @Nested
    class TwoDigitYears {

        @ParameterizedTest(name = "{0} in 2025 → {1}")
        @CsvSource({
            "'Sunday, 06-Nov-94 08:49:37 GMT', 1994-11-06T08:49:37Z",
            "'Monday, 01-Jan-75 00:00:00 GMT', 2075-01-01T00:00:00Z",
            "'Tuesday, 01-Jan-76 00:00:00 GMT', 1976-01-01T00:00:00Z",
            "'Friday, 01-Jan-00 00:00:00 GMT', 2000-01-01T00:00:00Z",
            "'Wednesday, 01-Jan-25 00:00:00 GMT', 2025-01-01T00:00:00Z"})
        void readsYearsMoreThanFiftyYearsAheadAsPast(String value, Instant expected) {
            assertThat(HttpDates.parse(value, CLOCK_2025)).contains(expected);
        }

        @Test
        void resolvesAgainstTheGivenClock() {
            Clock in2090 = Clock.fixed(Instant.parse("2090-01-01T00:00:00Z"), ZoneOffset.UTC);

            assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", in2090))
                    .contains(Instant.parse("2094-11-06T08:49:37Z"));
        }
    }
}
