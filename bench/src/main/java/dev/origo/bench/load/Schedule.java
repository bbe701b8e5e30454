package dev.origo.bench.load;

/**
 * One thread's share of the open-model schedule. Request {@code i} of the whole run is due at
 * {@code start + i / rate}; a thread of {@code stride} takes every {@code stride}-th one from {@code first}, so the
 * threads' requests interleave and together keep the whole rate. Requests due before {@code recordFrom} are the
 * warm-up; none is due at or after {@code end}.
 *
 * @param start the time request 0 is due ({@link System#nanoTime()})
 * @param rate  requests per second of the whole run
 */
record Schedule(long start, double rate, long recordFrom, long end, int first, int stride) {

    /** When this thread's {@code k}-th request is due. */
    long due(long k) {
        return start + Math.round((first + (double) k * stride) * 1e9 / rate);
    }

    /** Whether this thread has a {@code k}-th request, i.e. one due before the end. */
    boolean has(long k) {
        return due(k) < end;
    }

    boolean recorded(long due) {
        return due >= recordFrom;
    }
}
