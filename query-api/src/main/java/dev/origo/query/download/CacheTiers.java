package dev.origo.query.download;

/** The Cache-Control of each tier (DESIGN §4). */
final class CacheTiers {

    /** Latest content: browsers revalidate after a minute, CDNs hold it for an hour (purged on change). */
    static final String LATEST = "public, s-maxage=3600, max-age=60";
    /** A published version never changes. */
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    /** Content behind a private link is never stored anywhere. */
    static final String PRIVATE = "private, no-store, no-cache, must-revalidate";

    private CacheTiers() {
    }
}
