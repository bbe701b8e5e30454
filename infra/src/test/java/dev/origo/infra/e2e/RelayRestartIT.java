package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import dev.origo.command.relay.OutboxRelay;
import dev.origo.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The relay is stopped between the commit and the publish; after a restart the event is published
 * from the replication slot, applied once, and a redelivered copy is skipped by sequence.
 */
class RelayRestartIT {

    private static Stack stack;
    private static Client client;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.get();
        client = new Client(stack);
    }

    @Test
    void eventCommittedWhileRelayIsDownIsPublishedOnceAfterRestart() throws Exception {
        OutboxRelay relay = stack.commandApi.getBean(OutboxRelay.class);
        relay.stop();
        ResponseEntity<Map> created;
        try {
            created = client.upload(Bytes.random(5_000), "during-outage.bin", "application/octet-stream", null);
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            String id = (String) created.getBody().get("id");
            assertThat(outboxRows(id)).isEqualTo(1);
            assertThat(client.get("/assets/" + id + "/download").statusCode()).isEqualTo(404);
        } finally {
            relay.start();
        }
        String id = (String) created.getBody().get("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> client.get("/assets/" + id + "/download").statusCode() == 200);

        assertThat(readRows(id)).containsExactly(1L);
    }

    @Test
    void redeliveredEventIsSkippedBySequence() throws Exception {
        ResponseEntity<Map> created = client.upload(Bytes.random(5_000), "twice.bin", "application/octet-stream", null);
        String id = (String) created.getBody().get("id");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.get("/assets/" + id + "/download").statusCode() == 200);
        MeterRegistry metrics = stack.projector.getBean(MeterRegistry.class);
        double duplicatesBefore = metrics.counter("origo.projection.duplicates").count();

        KafkaTemplate<String, byte[]> kafka = stack.projector.getBean(KafkaTemplate.class);
        kafka.send(new ProducerRecord<>(Topics.ASSET_EVENTS, id, envelope(id))).get();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> metrics.counter("origo.projection.duplicates").count() > duplicatesBefore);
        assertThat(readRows(id)).containsExactly(1L);
        HttpResponse<byte[]> download = client.get("/assets/" + id + "/download");
        assertThat(download.statusCode()).isEqualTo(200);
    }

    private static JdbcClient jdbc() {
        return stack.commandApi.getBean(JdbcClient.class);
    }

    private static int outboxRows(String id) {
        return jdbc().sql("SELECT count(*) FROM command.outbox WHERE asset_id = ?").param(UUID.fromString(id))
                .query(Integer.class).single();
    }

    private static List<Long> readRows(String id) {
        return jdbc().sql("SELECT sequence FROM query.asset_view WHERE asset_id = ?").param(UUID.fromString(id))
                .query(Long.class).list();
    }

    private static byte[] envelope(String id) {
        return jdbc().sql("SELECT envelope FROM command.outbox WHERE asset_id = ? AND sequence = 1")
                .param(UUID.fromString(id)).query(String.class).single().getBytes();
    }
}
