package dev.origo.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {

    private static final UUID ASSET = UUID.fromString("7d1f6a4e-3b2c-4c1d-9e8f-0a1b2c3d4e5f");
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final Instant AT = Instant.parse("2026-01-10T10:00:00Z");
    private static final UUID VERSION = UUID.fromString("22222222-0000-4000-8000-000000000001");
    private static final UUID TOKEN = UUID.fromString("33333333-0000-4000-8000-000000000001");

    private final EventCodec codec = new EventCodec();

    /** Every v1 event type with its golden fixture; a new type without a fixture fails {@link #everyTypeHasAFixture}. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                fixture(EventType.ASSET_UPLOADED, 1, new AssetUploaded("report.pdf", "application/pdf", 1_024_000, SHA, true)),
                fixture(EventType.ASSET_CONTENT_REPLACED, 2,
                        new AssetContentReplaced("report-v2.pdf", "application/pdf", 2048, SHA)),
                fixture(EventType.ASSET_PUBLISHED, 3,
                        new AssetPublished(VERSION, 1, SHA, 2048, "application/pdf", "report-v2.pdf")),
                fixture(EventType.ASSET_VISIBILITY_CHANGED, 4, new AssetVisibilityChanged(false)),
                fixture(EventType.ACCESS_TOKEN_ISSUED, 5,
                        new AccessTokenIssued(TOKEN, SHA, Instant.parse("2026-01-10T11:00:00Z"))),
                fixture(EventType.ACCESS_TOKEN_REVOKED, 6, new AccessTokenRevoked(TOKEN, SHA)),
                fixture(EventType.ASSET_DELETED, 7, new AssetDeleted()));
    }

    private static Arguments fixture(EventType type, int sequence, AssetEvent payload) {
        UUID eventId = UUID.fromString("11111111-0000-4000-8000-00000000000" + sequence);
        return Arguments.of(type, new EventEnvelope(eventId, ASSET, sequence, AT, payload));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void decodesGoldenFixture(EventType type, EventEnvelope expected) throws IOException {
        assertThat(codec.decode(golden(type))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void encodesToGoldenFixture(EventType type, EventEnvelope envelope) throws IOException {
        JsonMapper plain = JsonMapper.builder().build();
        assertThat(plain.readTree(codec.encode(envelope))).isEqualTo(plain.readTree(golden(type)));
    }

    @Test
    void everyTypeHasAFixture() {
        List<EventType> covered = fixtures().map(arguments -> (EventType) arguments.get()[0]).toList();
        assertThat(covered).containsExactlyInAnyOrder(EventType.values());
    }

    @Test
    void typeNameComesFromThePayload() {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), ASSET, 1, AT, new AssetVisibilityChanged(true));
        assertThat(envelope.type()).isEqualTo("AssetVisibilityChanged");
        assertThat(envelope.schemaVersion()).isEqualTo(1);
    }

    @Nested
    class Evolution {

        @Test
        void ignoresUnknownOptionalFields() {
            String json = new String(codec.encode(new EventEnvelope(UUID.randomUUID(), ASSET, 4, AT,
                    new AssetVisibilityChanged(true))), StandardCharsets.UTF_8)
                    .replace("\"payload\":{", "\"payload\":{\"reason\":\"policy\",")
                    .replace("\"sequence\":4", "\"sequence\":4,\"trace_id\":\"abc\"");

            EventEnvelope decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8));

            assertThat(decoded.payload()).isEqualTo(new AssetVisibilityChanged(true));
        }

        @Test
        void refusesUnknownSchemaVersion() {
            String json = new String(codec.encode(new EventEnvelope(UUID.randomUUID(), ASSET, 1, AT, new AssetDeleted())),
                    StandardCharsets.UTF_8).replace("\"schema_version\":1", "\"schema_version\":99");

            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedEventException.class).hasMessageContaining("schema_version 99");
        }
    }

    @Nested
    class MalformedInput {

        @Test
        void refusesNonJson() {
            assertThatThrownBy(() -> codec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedEventException.class).hasMessageStartingWith("not JSON");
        }

        @Test
        void refusesUnknownType() {
            String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"AssetExploded\",\"schema_version\":1,"
                    + "\"asset_id\":\"" + ASSET + "\",\"sequence\":1,\"occurred_at\":\"2026-01-10T10:00:00Z\",\"payload\":{}}";
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedEventException.class).hasMessage("unknown event type AssetExploded");
        }

        @Test
        void refusesMissingAssetId() {
            String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"AssetDeleted\",\"schema_version\":1,"
                    + "\"sequence\":1,\"occurred_at\":\"2026-01-10T10:00:00Z\",\"payload\":{}}";
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedEventException.class).hasMessage("missing field asset_id");
        }

        @Test
        void refusesSequenceBelowOne() {
            String json = "{\"event_id\":\"" + UUID.randomUUID() + "\",\"type\":\"AssetDeleted\",\"schema_version\":1,"
                    + "\"asset_id\":\"" + ASSET + "\",\"sequence\":0,\"occurred_at\":\"2026-01-10T10:00:00Z\",\"payload\":{}}";
            assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(MalformedEventException.class).hasMessageContaining("sequence must be >= 1");
        }
    }

    @Nested
    class ChangeNotices {

        @Test
        void roundTripsAChangeNotice() {
            ReadModelChange change = new ReadModelChange(ASSET, 3, UUID.randomUUID(), "AssetPublished", AT,
                    AT.plusMillis(12), List.of(VERSION), List.of());

            assertThat(codec.decodeChange(codec.encode(change))).isEqualTo(change);
            assertThat(new String(codec.encode(change), StandardCharsets.UTF_8))
                    .contains("\"asset_id\":\"" + ASSET + "\"", "\"version_ids\":[\"" + VERSION + "\"]",
                            "\"event_type\":\"AssetPublished\"");
        }
    }

    private static byte[] golden(EventType type) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/fixtures/v1/" + type.typeName() + ".json")) {
            assertThat(in).as("fixture for " + type).isNotNull();
            return in.readAllBytes();
        }
    }
}
