package dev.origo.projector.consume;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.origo.events.EventCodec;
import dev.origo.events.Topics;
import dev.origo.projector.notice.ChangeNotices;
import dev.origo.projector.projection.Projection;

/** Thin: decode, project, announce. Errors are classified by {@link ConsumerErrors}. */
@Component
class AssetEventListener {

    private final EventCodec codec = new EventCodec();
    private final Projection projection;
    private final ChangeNotices notices;

    AssetEventListener(Projection projection, ChangeNotices notices) {
        this.projection = projection;
        this.notices = notices;
    }

    @KafkaListener(id = "projector", topics = Topics.ASSET_EVENTS)
    void on(byte[] value) {
        projection.apply(codec.decode(value)).forEach(notices::publish);
    }
}
