package dev.origo.infra.chaos;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

import dev.origo.events.EventCodec;
import dev.origo.events.EventEnvelope;
import dev.origo.events.Topics;
import dev.origo.infra.S3Node;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Holds the stack to what the client was told: every acknowledged command is in the write model
 * exactly once (contiguous sequences), in the read model, served by the query-api with its ETag,
 * its blob is in S3, and every publish has a completed purge in the ledger.
 */
final class Audit {

    private static final String PURGE_PROVIDER = "log";

    private final ChaosStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Audit(ChaosStack stack) {
        this.stack = stack;
    }

    /**
     * Waits until the read model has reached every record's last acknowledged sequence and every
     * publish is purged; returns how long that took, or null if it did not happen within the timeout.
     */
    Duration awaitConvergence(Collection<AssetRecord> records, Duration timeout) {
        long started = System.nanoTime();
        try {
            // An SQLException while PostgreSQL still recovers is asked again, not a failure.
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .ignoreException(SQLException.class)
                    .until(() -> converged(records));
            return Duration.ofNanos(System.nanoTime() - started);
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }

    private boolean converged(Collection<AssetRecord> records) throws SQLException {
        Map<String, Long> expected = new HashMap<>();
        records.forEach(record -> expected.put(record.id, record.sequence));
        try (Connection connection = connect()) {
            Map<String, Long> projected = readSequences(connection, expected.keySet());
            for (Map.Entry<String, Long> entry : expected.entrySet()) {
                if (projected.getOrDefault(entry.getKey(), 0L) < entry.getValue()) {
                    return false;
                }
            }
            return unpurgedPublishes(connection, expected.keySet()).isEmpty();
        }
    }

    /** Checks every record of one phase and fills in what was lost or duplicated. */
    void check(Collection<AssetRecord> records, PhaseResult result, Map<String, Integer> redeliveries) throws Exception {
        Set<String> ids = new HashSet<>();
        records.forEach(record -> ids.add(record.id));
        try (Connection connection = connect(); S3Client s3 = s3()) {
            Map<String, WriteModel> written = writeModel(connection, ids);
            Map<String, Long> projected = readSequences(connection, ids);
            Map<String, List<Integer>> versions = versionNumbers(connection, ids);
            Map<String, Boolean> revoked = tokenRevocations(connection, ids);
            Set<String> unpurged = new HashSet<>(unpurgedPublishes(connection, ids));
            for (AssetRecord record : records) {
                checkWriteModel(record, written.get(record.id), result);
                Long readSequence = projected.get(record.id);
                if (readSequence == null || readSequence != record.sequence) {
                    result.lost(record.id + ": read model at sequence " + readSequence + ", acknowledged " + record.sequence);
                }
                List<Integer> numbers = versions.getOrDefault(record.id, List.of());
                for (AssetRecord.Version version : record.versions) {
                    if (!numbers.contains(version.number())) {
                        result.lost(record.id + ": version " + version.number() + " not in the read model");
                    }
                }
                if (numbers.size() > record.versions.size()) {
                    result.duplicated(numbers.size() - record.versions.size(),
                            record.id + ": versions " + numbers + " for " + record.versions.size() + " acknowledged publishes");
                }
                for (AssetRecord.Token token : record.tokens) {
                    Boolean isRevoked = revoked.get(token.tokenId);
                    if (isRevoked == null || isRevoked != token.revoked) {
                        result.lost(record.id + ": token " + token.tokenId + " revoked=" + isRevoked + ", commanded " + token.revoked);
                    }
                }
                if (unpurged.contains(record.id)) {
                    result.lost(record.id + ": a publish without a completed purge in the ledger");
                }
                if (!blobExists(s3, record.sha256)) {
                    result.lost(record.id + ": blob " + record.sha256 + " missing from S3");
                }
                checkServed(record, result);
            }
        }
        for (AssetRecord record : records) {
            // Events the relay published more than once (at-least-once): the projector must have skipped them.
            result.redelivered += redeliveries.getOrDefault(record.id, 0);
        }
    }

    private void checkWriteModel(AssetRecord record, WriteModel written, PhaseResult result) {
        if (written == null) {
            result.lost(record.id + ": not in the write model");
            return;
        }
        boolean contiguous = written.minSequence == 1 && written.maxSequence == written.events
                && written.assetSequence == written.maxSequence;
        if (!contiguous) {
            result.finding(record.id + ": sequences not contiguous: " + written);
            result.lost(record.id + ": sequence gap");
        }
        if (written.events > record.acknowledged) {
            result.duplicated(written.events - record.acknowledged,
                    record.id + ": " + written.events + " events for " + record.acknowledged + " acknowledged commands");
        } else if (written.events < record.acknowledged) {
            result.lost(record.id + ": " + written.events + " events for " + record.acknowledged + " acknowledged commands");
        }
    }

    /** Through the query-api: the latest content (or 404 for a private asset), every version, every token. */
    private void checkServed(AssetRecord record, PhaseResult result) throws IOException, InterruptedException {
        HttpResponse<byte[]> latest = get("/assets/" + record.id + "/download");
        if (record.isPublic) {
            expectContent(record, latest, record.etag, "latest", result);
        } else if (latest.statusCode() != 404) {
            result.finding(record.id + ": private asset answered " + latest.statusCode() + " on the public path");
        }
        for (AssetRecord.Version version : record.versions) {
            expectContent(record, get("/assets/public/" + version.versionId()), version.etag(), "version " + version.number(), result);
        }
        for (AssetRecord.Token token : record.tokens) {
            HttpResponse<byte[]> privately = get("/assets/private/" + token.token);
            if (token.revoked) {
                if (privately.statusCode() != 403) {
                    result.lost(record.id + ": revoked token answered " + privately.statusCode());
                }
            } else {
                expectContent(record, privately, record.etag, "token " + token.tokenId, result);
            }
        }
    }

    private static void expectContent(AssetRecord record, HttpResponse<byte[]> response, String etag, String what,
                                      PhaseResult result) {
        if (response.statusCode() != 200) {
            result.lost(record.id + ": " + what + " answered " + response.statusCode());
        } else if (!etag.equals(response.headers().firstValue("ETag").orElse(""))
                || !record.sha256.equals(Workload.sha256(response.body()))) {
            result.lost(record.id + ": " + what + " served other bytes or another ETag");
        }
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.queryUrl() + path)).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Per asset, how many of its events were published to origo.asset-events more than once (redeliveries). */
    Map<String, Integer> redeliveries() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrap());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        EventCodec codec = new EventCodec();
        Map<UUID, Integer> counts = new HashMap<>();
        Map<UUID, String> assets = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.ASSET_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope envelope = codec.decode(record.value());
                    counts.merge(envelope.eventId(), 1, Integer::sum);
                    assets.put(envelope.eventId(), envelope.assetId().toString());
                }
            }
        }
        Map<String, Integer> redeliveries = new HashMap<>();
        counts.forEach((event, times) -> {
            if (times > 1) {
                redeliveries.merge(assets.get(event), times - 1, Integer::sum);
            }
        });
        return redeliveries;
    }

    private record WriteModel(int events, long minSequence, long maxSequence, long assetSequence) {
    }

    private Map<String, WriteModel> writeModel(Connection connection, Set<String> ids) throws SQLException {
        Map<String, WriteModel> model = new HashMap<>();
        String sql = """
                select a.id::text, count(o.event_id), min(o.sequence), max(o.sequence), a.sequence
                  from command.assets a left join command.outbox o on o.asset_id = a.id
                 where a.id = any(?::uuid[])
                 group by a.id, a.sequence""";
        try (PreparedStatement statement = statement(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                model.put(rows.getString(1), new WriteModel(rows.getInt(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
            }
        }
        return model;
    }

    private Map<String, Long> readSequences(Connection connection, Set<String> ids) throws SQLException {
        Map<String, Long> sequences = new HashMap<>();
        String sql = "select asset_id::text, sequence from query.asset_view where asset_id = any(?::uuid[])";
        try (PreparedStatement statement = statement(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                sequences.put(rows.getString(1), rows.getLong(2));
            }
        }
        return sequences;
    }

    private Map<String, List<Integer>> versionNumbers(Connection connection, Set<String> ids) throws SQLException {
        Map<String, List<Integer>> numbers = new HashMap<>();
        String sql = "select asset_id::text, number from query.version_view where asset_id = any(?::uuid[]) order by number";
        try (PreparedStatement statement = statement(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                numbers.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getInt(2));
            }
        }
        return numbers;
    }

    private Map<String, Boolean> tokenRevocations(Connection connection, Set<String> ids) throws SQLException {
        Map<String, Boolean> revoked = new HashMap<>();
        String sql = "select token_id::text, revoked from query.token_view where asset_id = any(?::uuid[])";
        try (PreparedStatement statement = statement(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                revoked.put(rows.getString(1), rows.getBoolean(2));
            }
        }
        return revoked;
    }

    /** Assets with an AssetPublished event that has no purged row of the stack's provider in the ledger. */
    private List<String> unpurgedPublishes(Connection connection, Set<String> ids) throws SQLException {
        List<String> assets = new ArrayList<>();
        String sql = """
                select distinct o.asset_id::text from command.outbox o
                 where o.asset_id = any(?::uuid[]) and o.type = 'AssetPublished'
                   and not exists (select 1 from purge.ledger l
                                    where l.event_id = o.event_id and l.provider = ? and l.outcome = 'purged')""";
        try (PreparedStatement statement = statement(connection, sql, ids)) {
            statement.setString(2, PURGE_PROVIDER);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    assets.add(rows.getString(1));
                }
            }
        }
        return assets;
    }

    private static PreparedStatement statement(Connection connection, String sql, Set<String> ids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
        return statement;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
    }

    private S3Client s3() {
        return S3Client.builder().endpointOverride(stack.s3.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Node.ACCESS_KEY, S3Node.SECRET_KEY)))
                .build();
    }

    private static boolean blobExists(S3Client s3, String sha256) {
        try {
            s3.headObject(head -> head.bucket("origo").key("blobs/sha256/" + sha256));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }
}
