package dev.origo.infra.chaos;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** Counts of what failed attempts got (a status code or an exception), for the report. */
final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void add(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    long count(String what) {
        LongAdder adder = counts.get(what);
        return adder == null ? 0 : adder.sum();
    }

    Set<String> keys() {
        return Set.copyOf(counts.keySet());
    }

    @Override
    public String toString() {
        if (counts.isEmpty()) {
            return "none";
        }
        return new TreeMap<>(counts).entrySet().stream()
                .map(entry -> entry.getKey() + "×" + entry.getValue().sum())
                .collect(Collectors.joining(", "));
    }
}
