package dev.origo.bench.jmh;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.origo.query.http.ConditionalRequest;
import dev.origo.query.http.HttpDates;

/**
 * RFC 9110 §13.2.2 evaluation as the download path does it per request: build the evaluator for a
 * representation, then evaluate the request's four precondition fields.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ConditionalRequestBenchmark {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String ETAG = '"' + SHA + '"';
    private static final Instant MODIFIED = Instant.parse("2026-01-10T10:00:00Z");

    private final Clock clock = Clock.systemUTC();
    private final ConditionalRequest.Headers ifNoneMatch = new ConditionalRequest.Headers(null, ETAG, null, null);
    private final ConditionalRequest.Headers ifNoneMatchList = new ConditionalRequest.Headers(null,
            "\"a\", W/\"b\", \"c\", " + ETAG, null, null);
    private final ConditionalRequest.Headers ifModifiedSince = new ConditionalRequest.Headers(null, null,
            HttpDates.format(MODIFIED), null);
    private final ConditionalRequest prebuilt = new ConditionalRequest(ETAG, MODIFIED, clock);

    /** The common revalidation: one strong tag in If-None-Match → 304. */
    @Benchmark
    public ConditionalRequest.Outcome ifNoneMatchHit() {
        return new ConditionalRequest(ETAG, MODIFIED, clock).evaluate("GET", ifNoneMatch);
    }

    /** The same with the evaluator built once (what a per-view evaluator would save). */
    @Benchmark
    public ConditionalRequest.Outcome ifNoneMatchHitPrebuilt() {
        return prebuilt.evaluate("GET", ifNoneMatch);
    }

    /** A list of tags, the match last. */
    @Benchmark
    public ConditionalRequest.Outcome ifNoneMatchList() {
        return new ConditionalRequest(ETAG, MODIFIED, clock).evaluate("GET", ifNoneMatchList);
    }

    /** A date revalidation: parses an IMF-fixdate. */
    @Benchmark
    public ConditionalRequest.Outcome ifModifiedSince() {
        return new ConditionalRequest(ETAG, MODIFIED, clock).evaluate("GET", ifModifiedSince);
    }

    /** No preconditions: the plain GET's cost of asking. */
    @Benchmark
    public ConditionalRequest.Outcome noPreconditions() {
        return new ConditionalRequest(ETAG, MODIFIED, clock).evaluate("GET", ConditionalRequest.Headers.NONE);
    }

    /** If-Range with the strong ETag. */
    @Benchmark
    public boolean ifRangeEtag() {
        return prebuilt.rangeApplies(ETAG);
    }
}
