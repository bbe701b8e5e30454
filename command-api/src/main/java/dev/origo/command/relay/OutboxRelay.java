package dev.origo.command.relay;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;

/**
 * The one lifecycle bean that owns the Debezium engine: built on start, run on its own thread,
 * closed on stop. When the engine fails (Kafka unreachable, the slot held by another instance) it
 * is restarted after a back-off from its last committed offset; in between, readiness is down.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final RelayProperties relay;
    private final Properties engineSettings;
    private final Map<String, Object> producerSettings;
    private final RelayMetrics metrics;
    private final AtomicReference<RelayState> state = new AtomicReference<>(RelayState.STOPPED);
    private final AtomicReference<String> lastError = new AtomicReference<>();

    private volatile boolean running;
    private ScheduledExecutorService executor;
    private DebeziumEngine<RecordChangeEvent<org.apache.kafka.connect.source.SourceRecord>> engine;
    private Producer<String, byte[]> producer;

    OutboxRelay(RelayProperties relay, DataSourceProperties database, KafkaProperties kafka, RelayMetrics metrics) {
        this.relay = relay;
        String bootstrap = String.join(",", kafka.getBootstrapServers());
        this.engineSettings = DebeziumSettings.of(relay, database.determineUrl(), database.determineUsername(),
                database.determinePassword(), bootstrap);
        this.producerSettings = producerSettings(bootstrap);
        this.metrics = metrics;
    }

    private static Map<String, Object> producerSettings(String bootstrap) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                // Every in-sync replica must have the event before the outbox row counts as relayed.
                ProducerConfig.ACKS_CONFIG, "all",
                // Retries after a lost acknowledgement must not write the event twice or out of order.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // The relay already sends whole batches; waiting for more only adds latency.
                ProducerConfig.LINGER_MS_CONFIG, 0,
                // Give up on a send well before the engine's own timeouts, so a dead broker stops the engine.
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.CLIENT_ID_CONFIG, "origo-outbox-relay");
    }

    @Override
    public synchronized void start() {
        if (running || !relay.enabled()) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay"));
        producer = new KafkaProducer<>(producerSettings);
        launch();
    }

    private synchronized void launch() {
        if (!running) {
            return;
        }
        state.set(RelayState.STARTING);
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(engineSettings)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        state.set(RelayState.RUNNING);
                        lastError.set(null);
                        log.info("Outbox relay running (slot {})", relay.slotName());
                    }
                })
                .using(this::engineStopped)
                .notifying(new OutboxPublisher(producer, metrics))
                .build();
        executor.execute(engine);
    }

    private void engineStopped(boolean success, String message, Throwable error) {
        if (!running) {
            state.set(RelayState.STOPPED);
            return;
        }
        state.set(RelayState.FAILED);
        lastError.set(message);
        log.error("Outbox relay stopped: {}; restarting in {}", message, relay.restartBackoff(), error);
        executor.schedule(this::launch, relay.restartBackoff().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        closeEngine();
        executor.shutdownNow();
        awaitTermination();
        producer.close(java.time.Duration.ofSeconds(5));
        state.set(RelayState.STOPPED);
    }

    private void closeEngine() {
        try {
            if (engine != null) {
                engine.close();
            }
        } catch (java.io.IOException e) {
            log.warn("Debezium engine did not close cleanly", e);
        }
    }

    private void awaitTermination() {
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    RelayState state() {
        return state.get();
    }

    String lastError() {
        return lastError.get();
    }
}
