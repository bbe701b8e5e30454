package dev.origo.purge.provider;

import java.util.List;

/** What a purge must invalidate: full URLs and CDN tags. */
public record PurgeTargets(List<String> urls, List<String> tags) {

    public PurgeTargets {
        urls = List.copyOf(urls);
        tags = List.copyOf(tags);
    }

    public boolean isEmpty() {
        return urls.isEmpty() && tags.isEmpty();
    }
}
