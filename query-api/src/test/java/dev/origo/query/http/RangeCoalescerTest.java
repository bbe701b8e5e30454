package dev.origo.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RangeCoalescerTest {

    private static ByteRange range(long start, long end) {
        return new ByteRange(start, end, 1000);
    }

    @Test
    void leavesDisjointRangesInRequestOrder() {
        assertThat(RangeCoalescer.coalesce(List.of(range(700, 799), range(0, 9), range(300, 399))))
                .containsExactly(range(700, 799), range(0, 9), range(300, 399));
    }

    @Test
    void keepsGapOfOneByteApart() {
        assertThat(RangeCoalescer.coalesce(List.of(range(0, 9), range(11, 20))))
                .containsExactly(range(0, 9), range(11, 20));
    }

    @Test
    void mergesAdjacentRanges() {
        assertThat(RangeCoalescer.coalesce(List.of(range(10, 19), range(0, 9)))).containsExactly(range(0, 19));
    }

    @Test
    void mergesContainedRange() {
        assertThat(RangeCoalescer.coalesce(List.of(range(0, 99), range(10, 19)))).containsExactly(range(0, 99));
    }

    @Test
    void mergesChainAcrossRequestOrderAndPlacesItWhereFirstAsked() {
        List<ByteRange> asked =
                List.of(range(900, 999), range(50, 120), range(500, 599), range(0, 60), range(100, 200));

        assertThat(RangeCoalescer.coalesce(asked)).containsExactly(range(900, 999), range(0, 200), range(500, 599));
    }

    @Test
    void mergesIdenticalRanges() {
        assertThat(RangeCoalescer.coalesce(List.of(range(5, 5), range(5, 5), range(5, 5))))
                .containsExactly(range(5, 5));
    }
}
