package dev.origo.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProducerKeysTest {

    private final ProducerKeys keys = new ProducerKeys(new AuthProperties(
            Map.of("ingest", "key-one-0123456789", "backoffice", "key-two-0123456789", "disabled", " ")));

    @Test
    void namesTheProducerOfEachConfiguredKey() {
        assertThat(keys.producerOf("key-one-0123456789")).hasValue("ingest");
        assertThat(keys.producerOf("key-two-0123456789")).hasValue("backoffice");
    }

    @Test
    void rejectsUnknownPrefixedAndBlankKeys() {
        assertThat(keys.producerOf("key-one-012345678")).isEmpty();
        assertThat(keys.producerOf("key-one-0123456789x")).isEmpty();
        assertThat(keys.producerOf(" ")).isEmpty();
        assertThat(keys.producerOf("")).isEmpty();
    }

    @Test
    void producerNeverPrintsItsSecret() {
        Producer producer = Producer.authenticated("ingest", "key-one-0123456789");

        assertThat(producer.toString()).isEqualTo("Producer[ingest]").doesNotContain("key-one");
        assertThat(producer.secret()).hasSize(32);
    }
}
