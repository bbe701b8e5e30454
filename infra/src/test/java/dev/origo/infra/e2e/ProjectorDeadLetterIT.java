package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import dev.origo.events.Topics;

/** An unreadable event goes to the dead-letter topic with its reason; the projector keeps going. */
class ProjectorDeadLetterIT {

    @Test
    @SuppressWarnings("unchecked")
    void unreadableEventIsDeadLetteredWithItsReasonAndProjectionContinues() throws Exception {
        Stack stack = Stack.get();
        Client client = new Client(stack);
        String key = UUID.randomUUID().toString();
        KafkaTemplate<String, byte[]> kafka = stack.projector.getBean(KafkaTemplate.class);

        kafka.send(new ProducerRecord<>(Topics.ASSET_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8))).get();

        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ASSET_EVENTS_DLT));
            List<ConsumerRecord<String, byte[]>> dead = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(dead::add);
                return dead.stream().anyMatch(record -> key.equals(record.key()));
            });
            ConsumerRecord<String, byte[]> record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
            assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(new String(record.headers().lastHeader("origo-dlt-reason").value(), StandardCharsets.UTF_8))
                    .startsWith("not JSON");
        }

        ResponseEntity<Map> created = client.upload(Bytes.random(100), "after.bin", "application/octet-stream", null);
        String id = (String) created.getBody().get("id");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> client.get("/assets/" + id + "/download").statusCode() == 200);
    }
}
