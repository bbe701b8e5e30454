package dev.origo.purge.provider;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The local default when no edge runs: logs what it would purge. */
@Component
@ConditionalOnProperty(name = "origo.purge.provider", havingValue = "log", matchIfMissing = true)
class LogPurgeProvider implements PurgeProvider {

    private static final Logger log = LoggerFactory.getLogger(LogPurgeProvider.class);

    @Override
    public String name() {
        return "log";
    }

    @Override
    public List<PurgeRequest> requests(PurgeTargets targets) {
        List<PurgeRequest> requests = new java.util.ArrayList<>();
        if (!targets.urls().isEmpty()) {
            requests.add(new PurgeRequest(PurgeRequest.Kind.URLS, targets.urls()));
        }
        if (!targets.tags().isEmpty()) {
            requests.add(new PurgeRequest(PurgeRequest.Kind.TAGS, targets.tags()));
        }
        return requests;
    }

    @Override
    public Optional<String> send(PurgeRequest request) {
        log.info("Would purge {} {}", request.kind().name().toLowerCase(java.util.Locale.ROOT), request.values());
        return Optional.empty();
    }
}
