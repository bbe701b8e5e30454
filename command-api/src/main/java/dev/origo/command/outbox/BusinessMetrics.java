package dev.origo.command.outbox;

import org.springframework.stereotype.Component;

import dev.origo.events.AccessTokenIssued;
import dev.origo.events.AccessTokenRevoked;
import dev.origo.events.AssetContentReplaced;
import dev.origo.events.AssetDeleted;
import dev.origo.events.AssetEvent;
import dev.origo.events.AssetPublished;
import dev.origo.events.AssetUploaded;
import dev.origo.events.AssetVisibilityChanged;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The business counters of DESIGN §8, counted when a command's transaction commits (so a rolled-back
 * command counts nothing, and a rebuild of the read model counts nothing twice): assets uploaded with
 * their public/private split, content bytes stored, versions published, tokens issued and revoked.
 */
@Component
class BusinessMetrics implements AssetEvent.Visitor<Void> {

    private final Counter uploadedPublic;
    private final Counter uploadedPrivate;
    private final Counter bytesStored;
    private final Counter published;
    private final Counter tokensIssued;
    private final Counter tokensRevoked;
    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.uploadedPublic = uploaded(registry, "public");
        this.uploadedPrivate = uploaded(registry, "private");
        this.bytesStored = Counter.builder("origo.content.stored").baseUnit("bytes")
                .description("Bytes of content accepted by uploads and replacements (before deduplication)")
                .register(registry);
        this.published = Counter.builder("origo.versions.published")
                .description("Versions published").register(registry);
        this.tokensIssued = Counter.builder("origo.tokens.issued")
                .description("Private-link tokens issued").register(registry);
        this.tokensRevoked = Counter.builder("origo.tokens.revoked")
                .description("Private-link tokens revoked").register(registry);
    }

    private static Counter uploaded(MeterRegistry registry, String visibility) {
        return Counter.builder("origo.assets.uploaded").tag("visibility", visibility)
                .description("Assets uploaded, by visibility at upload").register(registry);
    }

    /** Counts a committed event. */
    void committed(AssetEvent event) {
        event.accept(this);
    }

    @Override
    public Void uploaded(AssetUploaded event) {
        (event.isPublic() ? uploadedPublic : uploadedPrivate).increment();
        bytesStored.increment(event.size());
        return null;
    }

    @Override
    public Void contentReplaced(AssetContentReplaced event) {
        bytesStored.increment(event.size());
        return null;
    }

    @Override
    public Void published(AssetPublished event) {
        published.increment();
        return null;
    }

    @Override
    public Void visibilityChanged(AssetVisibilityChanged event) {
        registry.counter("origo.assets.visibility.changed", "to", event.isPublic() ? "public" : "private").increment();
        return null;
    }

    @Override
    public Void deleted(AssetDeleted event) {
        registry.counter("origo.assets.deleted").increment();
        return null;
    }

    @Override
    public Void tokenIssued(AccessTokenIssued event) {
        tokensIssued.increment();
        return null;
    }

    @Override
    public Void tokenRevoked(AccessTokenRevoked event) {
        tokensRevoked.increment();
        return null;
    }
}
