package dev.origo.purge.provider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The local default when no edge runs: logs what it would purge. */
@Component
class LogPurgeProvider implements PurgeProvider {

    private static final Logger log = LoggerFactory.getLogger(LogPurgeProvider.class);

    @Override
    public void purge(PurgeTargets targets) {
        log.info("Would purge urls={} tags={}", targets.urls(), targets.tags());
    }
}
