package dev.origo.query.http;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a {@code Range} field (RFC 9110 §14.1, §14.2) against a representation of known length.
 *
 * <p>Rules, in the order they apply:
 * <ol>
 *   <li>No field, a unit other than {@code bytes} (case-insensitive) or a missing {@code =} →
 *       {@link ByteRangeRequest.Kind#NONE}: the field is ignored and the whole representation sent.
 *   <li>An invalid ranges-specifier is ignored the same way (NONE): an empty set, a spec that is
 *       not {@code first-last}, {@code first-} or {@code -suffix} with ASCII digits, a last
 *       position below the first ({@code 5-1}), a number that overflows {@code long}, whitespace
 *       inside a spec. OWS is allowed after {@code =} and around commas, and empty list elements
 *       are skipped (RFC 9110 §5.6.1).
 *   <li>More than {@code maxRanges} range-specs (default 16) → NONE, the whole representation; the
 *       scan stops at the first spec past the cap. Parsing is one pass over the field, stops at the
 *       first error, and allocates per spec only up to the cap, so a huge or hostile field costs
 *       time linear in its length and no more.
 *   <li>On an empty representation a non-zero suffix is satisfiable (RFC 9110 §14.1.2) but no 206
 *       can carry it, so a field holding one is ignored (NONE, the empty 200).
 *   <li>Each spec is resolved: a first position at or past the length and a zero suffix are
 *       unsatisfiable; a last position past the end is clamped to {@code length - 1}; a suffix
 *       longer than the representation covers all of it. No satisfiable spec →
 *       {@link ByteRangeRequest.Kind#UNSATISFIABLE} (416).
 *   <li>The satisfiable ranges are coalesced ({@link RangeCoalescer}): overlapping or adjacent
 *       ranges become one, so the body never repeats a byte and never exceeds the representation
 *       plus part headers. This answers the overlapping-range abuse of RFC 9110 §17.15 without
 *       refusing honest requests; a set that coalesces to one range is a single-range 206.
 * </ol>
 *
 * <p>Unlike Spring's {@code HttpRange}, a set whose ranges add up to the representation's length
 * or more is not refused; coalescing bounds the response instead, as RFC 9110 §15.3.7.2 allows.
 * The caller applies {@code Range} to GET only (a HEAD is answered as a plain HEAD, §14.2) and only
 * when {@link ConditionalRequest#rangeApplies} holds.
 */
public final class RangeParser {

    /** The default cap on range-specs in one field. */
    public static final int DEFAULT_MAX_RANGES = 16;

    private final int maxRanges;

    /** A parser with the default cap of {@value #DEFAULT_MAX_RANGES} range-specs. */
    public RangeParser() {
        this(DEFAULT_MAX_RANGES);
    }

    /** @param maxRanges the most range-specs a field may hold before it is ignored; at least 1 */
    public RangeParser(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("maxRanges must be at least 1: " + maxRanges);
        }
        this.maxRanges = maxRanges;
    }

    /**
     * @param range the {@code Range} field value, or null when absent
     * @param completeLength the representation's length in bytes, at least 0
     */
    public ByteRangeRequest parse(String range, long completeLength) {
        if (completeLength < 0) {
            throw new IllegalArgumentException("negative length: " + completeLength);
        }
        List<RangeSpec> specs = range == null ? null : specs(Ows.trim(range));
        if (specs == null) {
            return ByteRangeRequest.none(completeLength);
        }
        if (completeLength == 0 && specs.stream().anyMatch(RangeSpec::isNonZeroSuffix)) {
            // RFC 9110 §14.1.2: on a zero-length representation a non-zero suffix is satisfiable, yet no 206 can
            // carry it (a Content-Range names at least one byte): the field is ignored and the empty 200 follows.
            return ByteRangeRequest.none(completeLength);
        }
        List<ByteRange> satisfiable = new ArrayList<>(specs.size());
        for (RangeSpec spec : specs) {
            ByteRange resolved = spec.resolve(completeLength);
            if (resolved != null) {
                satisfiable.add(resolved);
            }
        }
        return satisfiable.isEmpty()
                ? ByteRangeRequest.unsatisfiable(completeLength)
                : ByteRangeRequest.satisfiable(RangeCoalescer.coalesce(satisfiable), completeLength);
    }

    /** Returns the specs of a {@code bytes} field, or null when the field is to be ignored. */
    private List<RangeSpec> specs(String value) {
        if (value.indexOf('=') != 5 || !value.regionMatches(true, 0, "bytes", 0, 5)) {
            return null;
        }
        RangeSetScanner scanner = new RangeSetScanner(value, 6);
        List<RangeSpec> specs = new ArrayList<>();
        while (scanner.nextElement()) {
            RangeSpec spec = specs.size() < maxRanges ? scanner.rangeSpec() : null;
            if (spec == null || !scanner.elementEnded()) {
                return null;
            }
            specs.add(spec);
        }
        return specs.isEmpty() ? null : specs;
    }
}
