package dev.origo.query.freshness;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.origo.query.cache.CachedViews;
import dev.origo.query.view.AssetView;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code X-Min-Sequence: n} (the {@code sequence} of a command response) makes a request wait, up to
 * a bound, until this instance's view of the asset has reached n. Without the header nothing waits.
 */
@Component
public class ReadYourWrites {

    public static final String HEADER = "X-Min-Sequence";

    private final CachedViews views;
    private final ReadYourWritesProperties properties;
    private final Clock clock;

    ReadYourWrites(CachedViews views, ReadYourWritesProperties properties, Clock clock) {
        this.views = views;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The requested minimum sequence, or 0 when the header is absent. The value is ASCII digits (at most 18, so it
     * fits a long; sequences start at 1) with optional surrounding whitespace; 0 is a minimum every view has already
     * reached, so nothing waits. Anything else is a {@link MalformedMinSequenceException} (400).
     */
    public long minSequence(HttpServletRequest request) {
        String value = request.getHeader(HEADER);
        if (value == null) {
            return 0;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 18 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedMinSequenceException();
        }
        return Long.parseLong(trimmed);
    }

    /** The asset as of at least {@code minSequence}; cached when nothing needs to wait. */
    public Optional<AssetView> asset(UUID assetId, long minSequence) {
        Optional<AssetView> cached = views.asset(assetId);
        if (minSequence == 0 || cached.filter(asset -> asset.sequence() >= minSequence).isPresent()) {
            return cached;
        }
        Instant deadline = clock.instant().plus(properties.maxWait());
        return Optional.of(poll(() -> views.freshAsset(assetId).filter(asset -> asset.sequence() >= minSequence),
                deadline, minSequence));
    }

    /**
     * A view reached through another id (a version, a token) whose asset must be at least at
     * {@code minSequence}: waits for the view to exist, then for its asset.
     */
    public <T> Optional<T> related(long minSequence, Supplier<Optional<T>> cached, Supplier<Optional<T>> fresh,
                                   Function<T, UUID> assetOf) {
        Optional<T> view = cached.get();
        if (minSequence == 0) {
            return view;
        }
        Instant deadline = clock.instant().plus(properties.maxWait());
        T present = view.isPresent() ? view.get() : poll(fresh, deadline, minSequence);
        UUID assetId = assetOf.apply(present);
        if (views.asset(assetId).filter(asset -> asset.sequence() >= minSequence).isEmpty()) {
            poll(() -> views.freshAsset(assetId).filter(asset -> asset.sequence() >= minSequence), deadline,
                    minSequence);
            return fresh.get();
        }
        return Optional.of(present);
    }

    private <T> T poll(Supplier<Optional<T>> fresh, Instant deadline, long minSequence) {
        while (true) {
            Optional<T> value = fresh.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (clock.instant().isAfter(deadline)) {
                throw new NotYetVisibleException(minSequence);
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the read model", e);
        }
    }
}
