package dev.origo.purge.provider;

/** A CDN's purge API. */
public interface PurgeProvider {

    /** Purges the targets, or throws when the CDN did not confirm. */
    void purge(PurgeTargets targets);
}
