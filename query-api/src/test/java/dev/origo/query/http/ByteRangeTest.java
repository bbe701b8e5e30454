package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangeTest {

    @Test
    void rendersContentRange() {
        assertThat(new ByteRange(0, 99, 1000).contentRangeHeader()).isEqualTo("bytes 0-99/1000");
    }

    @Test
    void countsInclusiveLength() {
        assertThat(new ByteRange(10, 19, 1000).length()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource({"-1, 5, 10", "6, 5, 10", "0, 10, 10", "0, 0, 0"})
    void refusesRangeOutsideRepresentation(long start, long end, long completeLength) {
        assertThatThrownBy(() -> new ByteRange(start, end, completeLength))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(start + "-" + end + "/" + completeLength);
    }

    @Test
    void rendersUnsatisfiedContentRange() {
        assertThat(ByteRangeRequest.unsatisfiable(1234).unsatisfiedContentRange()).isEqualTo("bytes */1234");
    }

    @Test
    void refusesSatisfiableRequestWithoutRanges() {
        assertThatThrownBy(() -> ByteRangeRequest.satisfiable(List.of(), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
