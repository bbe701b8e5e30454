package dev.origo.bench.load;

import java.util.List;

import org.HdrHistogram.Histogram;

/**
 * What a run measured.
 *
 * @param latency          per recorded request, from when it was due to the end of its response (nanoseconds)
 * @param service          per recorded request, from when it was written to the end of its response (nanoseconds)
 * @param unexpectedStatus responses, warm-up included, whose status was not the expected one
 * @param errors           requests, warm-up included, that got no response: connection failures, malformed or
 *                         truncated responses, and those still unanswered when the run stopped waiting
 */
record LoadResult(Histogram latency, Histogram service, long unexpectedStatus, long errors) {

    /** 1 µs to 60 s with 3 significant digits. */
    static Histogram histogram() {
        return new Histogram(1_000L, 60_000_000_000L, 3);
    }

    static LoadResult sum(List<LoadResult> parts) {
        Histogram latency = histogram();
        Histogram service = histogram();
        long unexpected = 0;
        long errors = 0;
        for (LoadResult part : parts) {
            latency.add(part.latency);
            service.add(part.service);
            unexpected += part.unexpectedStatus;
            errors += part.errors;
        }
        return new LoadResult(latency, service, unexpected, errors);
    }

    /** Requests whose latency was recorded: those due after the warm-up that got a response. */
    long recorded() {
        return latency.getTotalCount();
    }
}
