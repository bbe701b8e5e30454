package dev.origo.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes the JSON envelope of DESIGN §3 (snake_case) and the change notices.
 *
 * <p>The envelope is assembled by hand around a Jackson-bound payload because its {@code type} and
 * {@code schema_version} choose how the payload is read; unknown fields are ignored so that
 * optional fields can be added freely. Thread-safe.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public byte[] encode(EventEnvelope envelope) {
        ObjectNode root = mapper.createObjectNode();
        root.put("event_id", envelope.eventId().toString());
        root.put("type", envelope.type());
        root.put("schema_version", envelope.schemaVersion());
        root.put("asset_id", envelope.assetId().toString());
        root.put("sequence", envelope.sequence());
        root.put("occurred_at", envelope.occurredAt().toString());
        root.set("payload", mapper.valueToTree(envelope.payload()));
        return mapper.writeValueAsBytes(root);
    }

    public String encodeToString(EventEnvelope envelope) {
        return new String(encode(envelope), java.nio.charset.StandardCharsets.UTF_8);
    }

    public EventEnvelope decode(byte[] json) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("envelope is not a JSON object");
        }
        int schemaVersion = required(root, "schema_version").asInt();
        if (schemaVersion != 1) {
            throw new MalformedEventException("unsupported schema_version " + schemaVersion);
        }
        String typeName = required(root, "type").asString();
        EventType type = EventType.named(typeName)
                .orElseThrow(() -> new MalformedEventException("unknown event type " + typeName));
        try {
            AssetEvent payload = mapper.treeToValue(required(root, "payload"), type.payloadClass());
            return new EventEnvelope(
                    UUID.fromString(required(root, "event_id").asString()),
                    UUID.fromString(required(root, "asset_id").asString()),
                    required(root, "sequence").asLong(),
                    Instant.parse(required(root, "occurred_at").asString()),
                    payload);
        } catch (JacksonException | IllegalArgumentException | NullPointerException
                 | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException("invalid " + typeName + ": " + e.getMessage(), e);
        }
    }

    public byte[] encode(ReadModelChange change) {
        return mapper.writeValueAsBytes(change);
    }

    public ReadModelChange decodeChange(byte[] json) {
        try {
            return mapper.readValue(json, ReadModelChange.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException("invalid change notice: " + e.getMessage(), e);
        }
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("missing field " + field);
        }
        return node;
    }
}
