package dev.origo.query.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges overlapping and adjacent byte ranges (RFC 9110 §15.3.7.2 lets a server coalesce them
 * regardless of request order) and keeps the remaining parts in the order the client first asked
 * for them, as that section recommends.
 */
final class RangeCoalescer {

    private RangeCoalescer() {
    }

    /** @param ranges satisfiable ranges of one representation, in request order */
    static List<ByteRange> coalesce(List<ByteRange> ranges) {
        List<Integer> byStart = new ArrayList<>(ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            byStart.add(i);
        }
        byStart.sort(Comparator.comparingLong(i -> ranges.get(i).start()));
        List<Group> groups = new ArrayList<>();
        Group current = null;
        for (int index : byStart) {
            ByteRange range = ranges.get(index);
            if (current != null && range.start() <= current.end + 1) {
                current.end = Math.max(current.end, range.end());
                current.firstAsked = Math.min(current.firstAsked, index);
            } else {
                current = new Group(range.start(), range.end(), index);
                groups.add(current);
            }
        }
        groups.sort(Comparator.comparingInt(group -> group.firstAsked));
        long completeLength = ranges.get(0).completeLength();
        return groups.stream().map(group -> new ByteRange(group.start, group.end, completeLength)).toList();
    }

    /** A run of ranges merged so far, with the request position of its earliest member. */
    private static final class Group {
        private final long start;
        private long end;
        private int firstAsked;

        private Group(long start, long end, int firstAsked) {
            this.start = start;
            this.end = end;
            this.firstAsked = firstAsked;
        }
    }
}
