package dev.origo.purge.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.origo.events.ReadModelChange;
import dev.origo.purge.PurgeProperties;
import dev.origo.purge.provider.PurgeRequest;
import dev.origo.purge.provider.PurgeTargets;

class PurgeBatchTest {

    private static final StaleTargets STALE = new StaleTargets(new PurgeProperties(URI.create("http://edge:8000/"),
            "log", null, null, null, null));
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID V = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    private static ReadModelChange notice(UUID asset, long sequence, String type, UUID... versions) {
        return new ReadModelChange(asset, sequence, UUID.randomUUID(), type, Instant.now(), Instant.now(),
                List.of(versions), List.of());
    }

    @Test
    void deduplicatesTheTargetsOfSeveralNoticesOfOneAsset() {
        PurgeBatch batch = PurgeBatch.of(List.of(
                notice(A, 2, "AssetContentReplaced"),
                notice(A, 3, "AssetContentReplaced"),
                notice(A, 4, "AssetPublished", V)), STALE);

        assertThat(batch.entries()).hasSize(3);
        assertThat(batch.union()).isEqualTo(new PurgeTargets(
                List.of("http://edge:8000/assets/" + A + "/download", "http://edge:8000/assets/" + A), List.of()));
    }

    @Test
    void leavesOutNoticesThatMakeNothingStale() {
        PurgeBatch batch = PurgeBatch.of(List.of(notice(A, 1, "AssetUploaded"), notice(B, 5, "AccessTokenIssued"),
                notice(B, 6, "SomethingNew")), STALE);
        assertThat(batch.isEmpty()).isTrue();
    }

    @Test
    void purgesEverythingOfADeletedAssetByTagAndUrl() {
        PurgeBatch batch = PurgeBatch.of(List.of(notice(A, 2, "AssetContentReplaced"), notice(B, 3, "AssetDeleted", V)),
                STALE);
        assertThat(batch.union().urls()).containsExactly(
                "http://edge:8000/assets/" + A + "/download", "http://edge:8000/assets/" + A,
                "http://edge:8000/assets/" + B + "/download", "http://edge:8000/assets/" + B,
                "http://edge:8000/assets/public/" + V);
        assertThat(batch.union().tags()).containsExactly("asset-" + B);
    }

    @Test
    void attributesARequestToTheNoticesWhoseTargetsOrAssetItNames() {
        PurgeBatch batch = PurgeBatch.of(List.of(notice(A, 2, "AssetContentReplaced"), notice(B, 3, "AssetDeleted")),
                STALE);
        PurgeBatch.Entry a = batch.entries().get(0);
        PurgeBatch.Entry b = batch.entries().get(1);
        PurgeRequest aUrl = new PurgeRequest(PurgeRequest.Kind.URLS, List.of("http://edge:8000/assets/" + A));
        PurgeRequest bKey = new PurgeRequest(PurgeRequest.Kind.TAGS, List.of("asset-" + B));

        assertThat(PurgeBatch.concerns(aUrl, a)).isTrue();
        assertThat(PurgeBatch.concerns(aUrl, b)).isFalse();
        assertThat(PurgeBatch.concerns(bKey, b)).isTrue();
        assertThat(PurgeBatch.concerns(bKey, a)).isFalse();
        assertThat(PurgeBatch.concerns(new PurgeRequest(PurgeRequest.Kind.TAGS, List.of("asset-" + A)), a))
                .as("a key derived from the asset").isTrue();
    }
}
