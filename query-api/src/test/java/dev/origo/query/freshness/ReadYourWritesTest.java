package dev.origo.query.freshness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.origo.query.cache.CachedViews;

class ReadYourWritesTest {

    private final ReadYourWrites readYourWrites = new ReadYourWrites(mock(CachedViews.class),
            new ReadYourWritesProperties(Duration.ofSeconds(2), Duration.ofMillis(5)), Clock.systemUTC());

    private static MockHttpServletRequest withMinSequence(String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/assets/x/download");
        request.addHeader(ReadYourWrites.HEADER, value);
        return request;
    }

    @Test
    void absentHeaderWaitsForNothing() {
        assertThat(readYourWrites.minSequence(new MockHttpServletRequest())).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "7|7",
            "' 42 '|42",
            "0|0",
            "000012|12",
            "999999999999999999|999999999999999999"})
    void digitsAreTheMinimum(String value, long expected) {
        assertThat(readYourWrites.minSequence(withMinSequence(value))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-1", "+1", "1.5", "1e3", "abc", "1 2", "0x10", "1000000000000000000",
            "\u0661\u0662"})
    void anythingElseIsMalformed(String value) {
        assertThatThrownBy(() -> readYourWrites.minSequence(withMinSequence(value)))
                .isInstanceOf(MalformedMinSequenceException.class);
    }
}
