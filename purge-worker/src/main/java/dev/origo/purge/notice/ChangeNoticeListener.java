package dev.origo.purge.notice;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.Topics;
import dev.origo.purge.provider.PurgeProvider;
import dev.origo.purge.provider.PurgeTargets;

/** Thin: decode the notice, purge what it made stale. The offset is committed after the purge returned. */
@Component
class ChangeNoticeListener {

    private final EventCodec codec = new EventCodec();
    private final StaleTargets stale;
    private final PurgeProvider provider;

    ChangeNoticeListener(StaleTargets stale, PurgeProvider provider) {
        this.stale = stale;
        this.provider = provider;
    }

    @KafkaListener(id = "purge-worker", topics = Topics.READ_MODEL_CHANGES)
    void on(byte[] value) {
        PurgeTargets targets = stale.of(codec.decodeChange(value));
        if (!targets.isEmpty()) {
            provider.purge(targets);
        }
    }
}
