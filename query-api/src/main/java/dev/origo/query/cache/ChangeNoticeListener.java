package dev.origo.query.cache;

import java.time.Duration;
import java.time.Instant;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.ReadModelChange;
import dev.origo.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Evicts this instance's caches on every change notice. Each query-api instance has its own group
 * and starts at the end of the topic: its caches start empty, so only later changes matter.
 */
@Component
class ChangeNoticeListener {

    private final EventCodec codec = new EventCodec();
    private final CachedViews views;
    private final Timer evictionLag;

    ChangeNoticeListener(CachedViews views, MeterRegistry registry) {
        this.views = views;
        this.evictionLag = Timer.builder("origo.cache.eviction.lag")
                .description("Time from the read model committing a change to this instance evicting it")
                .publishPercentileHistogram()
                .register(registry);
    }

    @KafkaListener(id = "query-api-cache-${origo.cache.notice-group-id}", topics = Topics.READ_MODEL_CHANGES,
            groupId = "${origo.cache.notice-group-id}", properties = "auto.offset.reset=latest")
    void on(byte[] value) {
        ReadModelChange change = codec.decodeChange(value);
        views.evict(change);
        if (change.projectedAt() != null) {
            evictionLag.record(Duration.between(change.projectedAt(), Instant.now()));
        }
    }
}
