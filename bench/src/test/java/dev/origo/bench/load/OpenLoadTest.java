package dev.origo.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.origo.bench.load.ScriptedServer.Reply;

/** The generator against {@link ScriptedServer}: counts and lower bounds only, never a tight upper bound on time. */
@Timeout(20)
class OpenLoadTest {

    private static final String OK = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    private static final long MS = 1_000_000;

    @Nested
    class Scheduling {

        @Test
        void recordsRateTimesDurationAndSendsTheWarmUpUnrecorded() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(OK))) {
                LoadResult result = run(server, "--rate", "2000", "--duration", "1", "--warmup", "0.5",
                        "--connections", "8", "--expect", "200");

                assertThat(result.recorded()).isBetween(1998L, 2002L);
                assertThat(server.requests()).isBetween(2998, 3002);
                assertThat(result.errors()).isZero();
                assertThat(result.unexpectedStatus()).isZero();
                assertThat(result.service().getTotalCount()).isEqualTo(result.recorded());
            }
        }

        @Test
        void splitsConnectionsAndRateOverThreads() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(OK))) {
                OpenLoad load = OpenLoad.fromArgs("--url", server.url(), "--rate", "1000", "--duration", "1",
                        "--warmup", "0", "--connections", "5", "--threads", "2");
                LoadResult result = load.run();

                assertThat(result.recorded()).isBetween(998L, 1002L);
                assertThat(result.errors()).isZero();
                assertThat(server.connections()).isBetween(2, 5);
                assertThat(load.summary(result)).endsWith(" threads=2");
            }
        }

        @Test
        void sendsTheRequestRenderedOnceWithTheExtraHeaders() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(OK))) {
                run(server, "--rate", "100", "--duration", "0.1", "--warmup", "0", "--connections", "1",
                        "--header", "If-None-Match: \"abc\"", "--header", "X-Trace:  1 ");

                int port = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
                assertThat(server.lastRequest()).isEqualTo("GET /asset?x=1 HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nUser-Agent: origo-bench\r\nIf-None-Match: \"abc\"\r\nX-Trace: 1\r\n\r\n");
            }
        }

        @Test
        void refusesMoreThreadsThanConnections() {
            assertThatThrownBy(() -> OpenLoad.fromArgs("--url", "http://127.0.0.1:1/", "--rate", "10",
                    "--duration", "1", "--connections", "2", "--threads", "3"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class CoordinatedOmission {

        /**
         * The whole server stops for 300 ms once, 0.3 s into a run at 1000 req/s on 4 connections. The ~300 requests
         * due meanwhile wait in the client; each is charged from its due time, so at least ~200 of them show 100 ms
         * or more. A closed-model client would have recorded about 4 such values (one per stuck connection).
         */
        @Test
        void chargesAStallToEveryRequestDueDuringIt() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> n == 300 ? Reply.of(OK).afterStallingFor(300)
                    : Reply.of(OK))) {
                LoadResult result = run(server, "--rate", "1000", "--duration", "1.5", "--warmup", "0",
                        "--connections", "4");

                assertThat(result.recorded()).isBetween(1498L, 1502L);
                assertThat(result.errors()).isZero();
                assertThat(result.latency().getMaxValue()).isGreaterThanOrEqualTo(280 * MS);
                assertThat(result.latency().getCountBetweenValues(100 * MS, 60_000 * MS)).isGreaterThanOrEqualTo(150);
                assertThat(result.latency().getValueAtPercentile(99)).isGreaterThanOrEqualTo(200 * MS);
            }
        }
    }

    @Nested
    class Responses {

        @Test
        void countsUnexpectedStatusesWarmUpIncluded() throws Exception {
            AtomicInteger notFound = new AtomicInteger();
            try (ScriptedServer server = new ScriptedServer(n -> {
                if (n % 4 == 0) {
                    notFound.incrementAndGet();
                    return Reply.of("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found");
                }
                return Reply.of(OK);
            })) {
                LoadResult result = run(server, "--rate", "1000", "--duration", "0.5", "--warmup", "0.2",
                        "--connections", "4", "--expect", "200");

                assertThat(notFound.get()).isGreaterThan(100);
                assertThat(result.unexpectedStatus()).isEqualTo(notFound.get());
                assertThat(result.errors()).isZero();
                assertThat(result.recorded()).isBetween(498L, 502L);
            }
        }

        @Test
        void readsContentLengthBodiesSplitAcrossReads() throws Exception {
            String body = "HTTP/1.1 200 OK\r\n\r\n".repeat(250);           // 4,750 bytes that look like a response
            assertBodiesRead(n -> Reply.of("HTTP/1.1 200 OK\r\nContent-Le", "ngth: " + body.length() + "\r\n",
                    "\r\n" + body.substring(0, 1000), body.substring(1000)));
        }

        @Test
        void readsChunkedBodiesSplitAcrossReads() throws Exception {
            String chunk = "0\r\n\r\n".repeat(200);                           // 1,000 bytes = 0x3e8
            assertBodiesRead(n -> Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3e8;ext=1\r\n"
                            + chunk.substring(0, 500), chunk.substring(500) + "\r",
                    "\n5\r\nhello\r\n0\r\nX-Trailer: t\r\n", "\r\n"));
        }

        @Test
        void readsABodyThatEndsWithTheConnection() throws Exception {
            assertBodiesRead(n -> Reply.of("HTTP/1.1 200 OK\r\n\r\nuntil", " the end").thenClose());
        }

        @Test
        void skipsInterimResponsesAndReadsNoBodyAfter304() throws Exception {
            assertBodiesRead(n -> Reply.of("HTTP/1.1 100 Continue\r\n\r\n",
                    "HTTP/1.1 304 Not Modified\r\nContent-Length: 1024\r\nETag: \"e\"\r\n\r\n"), 304);
        }

        @Test
        void reconnectsAfterConnectionClose() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(
                    "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok").thenClose())) {
                LoadResult result = run(server, "--rate", "500", "--duration", "0.5", "--warmup", "0",
                        "--connections", "4", "--expect", "200");

                assertThat(result.errors()).isZero();
                assertThat(result.recorded()).isBetween(248L, 252L);
                assertThat(server.connections()).isEqualTo(server.requests());
            }
        }

        @Test
        void countsAResponseCutShortAsAnError() throws Exception {
            AtomicInteger cut = new AtomicInteger();
            try (ScriptedServer server = new ScriptedServer(n -> {
                if (n % 5 == 0) {
                    cut.incrementAndGet();
                    return Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly a part").thenClose();
                }
                return Reply.of(OK);
            })) {
                LoadResult result = run(server, "--rate", "500", "--duration", "0.5", "--warmup", "0",
                        "--connections", "4", "--expect", "200");

                assertThat(cut.get()).isGreaterThan(40);
                assertThat(result.errors()).isEqualTo(cut.get());
                assertThat(result.recorded() + result.errors()).isBetween(248L, 252L);
                assertThat(result.unexpectedStatus()).isZero();
            }
        }

        @Test
        void stopsWaitingForAServerThatNeverAnswers() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.never())) {
                LoadResult result = OpenLoad.fromArgs("--url", server.url(), "--rate", "100", "--duration", "0.3",
                        "--warmup", "0", "--connections", "4").drainingFor(Duration.ofMillis(300)).run();

                assertThat(result.recorded()).isZero();
                assertThat(result.errors()).isBetween(29L, 31L);    // 4 sent and never answered, the rest never sent
                assertThat(server.requests()).isEqualTo(4);
            }
        }

        @Test
        void countsEveryRequestAsAnErrorWhenNothingListens() throws Exception {
            int port;
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(OK))) {
                port = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
            }
            LoadResult result = OpenLoad.fromArgs("--url", "http://127.0.0.1:" + port + "/", "--rate", "200",
                    "--duration", "0.25", "--warmup", "0", "--connections", "2").run();

            assertThat(result.recorded()).isZero();
            assertThat(result.errors()).isBetween(49L, 51L);
        }

        private void assertBodiesRead(IntFunction<Reply> script) throws Exception {
            assertBodiesRead(script, 200);
        }

        private void assertBodiesRead(IntFunction<Reply> script, int status) throws Exception {
            try (ScriptedServer server = new ScriptedServer(script)) {
                LoadResult result = run(server, "--rate", "400", "--duration", "0.5", "--warmup", "0",
                        "--connections", "8", "--expect", String.valueOf(status));

                assertThat(result.errors()).isZero();
                assertThat(result.unexpectedStatus()).isZero();
                assertThat(result.recorded()).isBetween(198L, 202L);
                assertThat(server.requests()).isBetween(198, 202);
            }
        }
    }

    @Nested
    class Output {

        @Test
        void printsTheKeysBenchRunParsesInThatOrder() throws Exception {
            try (ScriptedServer server = new ScriptedServer(n -> Reply.of(OK))) {
                OpenLoad load = OpenLoad.fromArgs("--url", server.url(), "--rate", "200", "--duration", "0.5",
                        "--warmup", "0", "--connections", "2", "--expect", "200");
                String line = load.summary(load.run());

                List<String> keys = new ArrayList<>();
                Matcher pair = Pattern.compile("(\\w+)=(\\S+)").matcher(line);
                while (pair.find()) {
                    keys.add(pair.group(1));
                }
                assertThat(keys).containsExactly("rate", "connections", "duration_s", "recorded", "achieved_rps",
                        "unexpected_status", "errors", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms", "mean_ms",
                        "service_p99_ms", "threads");
                assertThat(line).startsWith("rate=200 connections=2 duration_s=0.5 recorded=100 achieved_rps=200.0 "
                        + "unexpected_status=0 errors=0 p50_ms=");
            }
        }
    }

    private static LoadResult run(ScriptedServer server, String... args) throws InterruptedException {
        List<String> all = new ArrayList<>(List.of("--url", server.url()));
        all.addAll(List.of(args));
        return OpenLoad.fromArgs(all.toArray(String[]::new)).run();
    }
}
