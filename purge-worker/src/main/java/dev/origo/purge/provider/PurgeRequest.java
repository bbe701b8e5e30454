package dev.origo.purge.provider;

import java.util.List;

/** One request to a CDN: URLs or tags, never both (Cloudflare accepts one kind per request). */
public record PurgeRequest(Kind kind, List<String> values) {

    /** What the values are. */
    public enum Kind { URLS, TAGS }

    public PurgeRequest {
        values = List.copyOf(values);
    }

    /** Requests of one kind, at most {@code size} values each, in order. */
    public static List<PurgeRequest> chunked(Kind kind, List<String> values, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("chunk size must be positive: " + size);
        }
        java.util.ArrayList<PurgeRequest> requests = new java.util.ArrayList<>();
        for (int from = 0; from < values.size(); from += size) {
            requests.add(new PurgeRequest(kind, values.subList(from, Math.min(values.size(), from + size))));
        }
        return requests;
    }
}
