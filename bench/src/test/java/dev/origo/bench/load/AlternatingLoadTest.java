package dev.origo.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.origo.bench.load.ScriptedServer.Reply;

/** Two sides against two {@link ScriptedServer}s: counts and order only, never a bound on time. */
@Timeout(30)
class AlternatingLoadTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    private static final String NOT_MODIFIED = "HTTP/1.1 304 Not Modified\r\n\r\n";

    @Test
    void runsTheSidesAsABBAAndSumsEachSidesRuns() throws Exception {
        ConcurrentLinkedQueue<Long> atA = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> atB = new ConcurrentLinkedQueue<>();
        try (ScriptedServer a = new ScriptedServer(n -> stamp(atA, OK));
             ScriptedServer b = new ScriptedServer(n -> stamp(atB, NOT_MODIFIED))) {
            AlternatingLoad load = AlternatingLoad.fromArgs("--rounds", "2",
                    "--url", a.url(), "--rate", "1000", "--duration", "0.5", "--warmup", "0.1", "--connections", "4",
                    "--expect", "200", "--then",
                    "--url", b.url(), "--rate", "1000", "--duration", "0.5", "--warmup", "0.1", "--connections", "4",
                    "--expect", "304");

            List<LoadResult> results = load.run();

            // Two runs per side of 100 warm-up and 500 recorded requests each; each side's status was as expected.
            assertThat(a.requests()).isBetween(1196, 1204);
            assertThat(b.requests()).isBetween(1196, 1204);
            assertThat(results.get(0).recorded()).isBetween(998L, 1002L);
            assertThat(results.get(1).recorded()).isBetween(998L, 1002L);
            assertThat(results.get(0).unexpectedStatus()).isZero();
            assertThat(results.get(1).unexpectedStatus()).isZero();
            // A B B A: all of B's requests came after A's first run began and before A's second run ended.
            assertThat(min(atB)).isGreaterThan(min(atA));
            assertThat(max(atB)).isLessThan(max(atA));
        }
    }

    @Test
    void printsEachSidesLineOverAllOfItsRuns() throws Exception {
        try (ScriptedServer a = new ScriptedServer(n -> Reply.of(OK));
             ScriptedServer b = new ScriptedServer(n -> Reply.of(OK))) {
            AlternatingLoad load = AlternatingLoad.fromArgs("--rounds", "3",
                    "--url", a.url(), "--rate", "500", "--duration", "0.2", "--warmup", "0", "--connections", "2",
                    "--then", "--url", b.url(), "--rate", "500", "--duration", "0.2", "--warmup", "0",
                    "--connections", "2");
            List<LoadResult> results = load.run();

            String line = OpenLoad.fromArgs("--url", a.url(), "--rate", "500", "--duration", "0.2", "--warmup", "0",
                    "--connections", "2").summary(results.get(0), 3);

            assertThat(value(line, "duration_s")).isEqualTo(0.6);
            assertThat(value(line, "recorded")).isBetween(298.0, 302.0);
            assertThat(value(line, "achieved_rps")).isBetween(496.0, 504.0);
        }
    }

    @Test
    void refusesArgumentsWithoutRoundsOrWithoutASecondSide() {
        assertThatThrownBy(() -> AlternatingLoad.fromArgs("--url", "http://127.0.0.1:1/", "--rate", "1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlternatingLoad.fromArgs("--rounds", "2", "--url", "http://127.0.0.1:1/"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--then");
        assertThatThrownBy(() -> AlternatingLoad.fromArgs("--rounds", "0", "--url", "http://127.0.0.1:1/",
                "--then", "--url", "http://127.0.0.1:2/")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Reply stamp(ConcurrentLinkedQueue<Long> times, String reply) {
        times.add(System.nanoTime());
        return Reply.of(reply);
    }

    private static long min(ConcurrentLinkedQueue<Long> times) {
        return times.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long max(ConcurrentLinkedQueue<Long> times) {
        return times.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static double value(String line, String key) {
        Matcher matcher = Pattern.compile("(?:^| )" + key + "=([0-9.]+)").matcher(line);
        assertThat(matcher.find()).as(key + " in " + line).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
