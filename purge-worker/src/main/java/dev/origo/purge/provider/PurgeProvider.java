package dev.origo.purge.provider;

import java.util.List;
import java.util.Optional;

/**
 * A CDN's purge API. The worker asks it to split targets into the requests the CDN accepts, then
 * sends (and, on a retriable failure, resends) each request on its own.
 */
public interface PurgeProvider {

    /** The name used in configuration, the ledger and metric tags ({@code varnish}, {@code cloudflare}, ...). */
    String name();

    /** Splits deduplicated targets into requests within this CDN's per-request limits, one kind per request. */
    List<PurgeRequest> requests(PurgeTargets targets);

    /**
     * Sends one request.
     *
     * @return the CDN's purge id, when it returns one
     * @throws PurgeFailure when the CDN did not confirm the purge
     */
    Optional<String> send(PurgeRequest request);
}
