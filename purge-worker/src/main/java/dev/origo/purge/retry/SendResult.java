package dev.origo.purge.retry;

import java.util.Optional;

import dev.origo.purge.provider.PurgeFailure;
import dev.origo.purge.provider.PurgeRequest;

/**
 * How one purge request ended.
 *
 * @param request  the request
 * @param attempts how many times it was sent
 * @param purgeId  the CDN's purge id, when it confirmed and returned one
 * @param failure  the last failure, when it was not confirmed
 */
public record SendResult(PurgeRequest request, int attempts, Optional<String> purgeId, Optional<PurgeFailure> failure) {

    public boolean purged() {
        return failure.isEmpty();
    }
}
