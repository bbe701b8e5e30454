package dev.origo.query.http;

/**
 * One syntactically valid byte range-spec (RFC 9110 §14.1.2) before it meets a length:
 * {@code first-last}, {@code first-} (open, {@code last} = -1) or {@code -suffix}
 * ({@code first} = -1, {@code last} = the suffix length).
 */
record RangeSpec(long first, long last) {

    static RangeSpec closed(long first, long last) {
        return new RangeSpec(first, last);
    }

    static RangeSpec open(long first) {
        return new RangeSpec(first, -1);
    }

    static RangeSpec suffix(long length) {
        return new RangeSpec(-1, length);
    }

    /** {@code -n} with n above 0: satisfiable on any representation, also an empty one (RFC 9110 §14.1.2). */
    boolean isNonZeroSuffix() {
        return first < 0 && last > 0;
    }

    /**
     * Resolves against a representation of {@code completeLength} bytes.
     *
     * @return the satisfiable range, or null when this spec is unsatisfiable
     */
    ByteRange resolve(long completeLength) {
        if (first < 0) {
            if (last == 0 || completeLength == 0) {
                return null;
            }
            return new ByteRange(Math.max(0, completeLength - last), completeLength - 1, completeLength);
        }
        if (first >= completeLength) {
            return null;
        }
        long end = last < 0 || last >= completeLength ? completeLength - 1 : last;
        return new ByteRange(first, end, completeLength);
    }
}
