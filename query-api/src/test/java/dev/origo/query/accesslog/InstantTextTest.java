package dev.origo.query.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link InstantText} renders exactly what {@link Instant#toString()} does. */
class InstantTextTest {

    private final InstantText text = new InstantText();

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T09:31:02Z", "2026-11-29T09:31:02.100Z", "2026-11-29T09:31:02.120Z",
            "2026-11-29T09:31:02.123Z", "2026-11-29T09:31:02.000100Z", "2026-11-29T09:31:02.123456Z",
            "2026-11-29T09:31:02.000000001Z", "2026-11-29T09:31:02.123456789Z", "2026-11-29T09:31:02.999999999Z",
            "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.500Z", "+10000-01-01T00:00:00.001Z",
            "-0001-12-31T23:59:59.000001Z"})
    void rendersAsInstantToString(String iso) {
        Instant instant = Instant.parse(iso);

        assertThat(render(instant)).isEqualTo(instant.toString()).isEqualTo(iso);
    }

    @Test
    void rendersEveryInstantOfASecondAndTheSecondsAroundIt() {
        SplittableRandom random = new SplittableRandom(6);
        long second = Instant.parse("2026-11-29T09:31:02Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            int nanos = switch (i % 3) {
                case 0 -> random.nextInt(1_000) * 1_000_000;
                case 1 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second + random.nextInt(-2, 3), nanos);
            assertThat(render(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void aSecondRenderedBeforeIsNotReusedForAnother() {
        Instant first = Instant.parse("2026-11-29T09:31:02.5Z");
        Instant next = Instant.parse("2026-11-29T09:31:03.5Z");

        assertThat(render(first)).isEqualTo("2026-11-29T09:31:02.500Z");
        assertThat(render(next)).isEqualTo("2026-11-29T09:31:03.500Z");
        assertThat(render(first)).isEqualTo("2026-11-29T09:31:02.500Z");
    }

    private String render(Instant instant) {
        StringBuilder line = new StringBuilder("[");
        text.appendTo(line, instant);
        assertThat(line.charAt(0)).isEqualTo('[');
        return line.substring(1);
    }
}
