package dev.origo.bench.jmh;

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

import dev.origo.query.http.ByteRangeRequest;
import dev.origo.query.http.RangeParser;

/** {@code Range} parsing: the single range of the 206 scenario, a multi-range set, and a hostile field. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RangeParserBenchmark {

    private static final long LENGTH = 1L << 20;

    private final RangeParser parser = new RangeParser();
    private final String hostile = "bytes=" + "0-1,".repeat(10_000) + "0-1";

    @Benchmark
    public ByteRangeRequest singleRange() {
        return parser.parse("bytes=65536-131071", LENGTH);
    }

    @Benchmark
    public ByteRangeRequest suffixRange() {
        return parser.parse("bytes=-500", LENGTH);
    }

    @Benchmark
    public ByteRangeRequest fourRangesOverlapping() {
        return parser.parse("bytes=0-99, 50-199, 1000-1999, 500000-", LENGTH);
    }

    /** 10 001 specs: rejected after the cap, so its cost must not grow with the field. */
    @Benchmark
    public ByteRangeRequest hostileField() {
        return parser.parse(hostile, LENGTH);
    }
}
