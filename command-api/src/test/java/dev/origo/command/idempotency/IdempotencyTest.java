package dev.origo.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class IdempotencyTest {

    @Test
    void acceptsVisibleAsciiKeysUpTo255Characters() {
        assertThat(Idempotency.wellFormed("4f1c-…".replace("…", "x"))).isTrue();
        assertThat(Idempotency.wellFormed("k".repeat(255))).isTrue();
        assertThat(Idempotency.wellFormed("k".repeat(256))).isFalse();
        assertThat(Idempotency.wellFormed("")).isFalse();
        assertThat(Idempotency.wellFormed("with space")).isFalse();
        assertThat(Idempotency.wellFormed("ünï")).isFalse();
    }

    @Test
    void fingerprintSeparatesMethodPathAndParts() {
        String base = Idempotency.fingerprint("POST", "/assets/a/publish", List.of("x"));

        assertThat(base).matches("[0-9a-f]{64}")
                .isEqualTo(Idempotency.fingerprint("POST", "/assets/a/publish", List.of("x")))
                .isNotEqualTo(Idempotency.fingerprint("PUT", "/assets/a/publish", List.of("x")))
                .isNotEqualTo(Idempotency.fingerprint("POST", "/assets/b/publish", List.of("x")))
                .isNotEqualTo(Idempotency.fingerprint("POST", "/assets/a/publish", List.of("y")));
        assertThat(Idempotency.fingerprint("POST", "/p", List.of("ab", "c")))
                .as("parts are length-prefixed, so moving a boundary changes the fingerprint")
                .isNotEqualTo(Idempotency.fingerprint("POST", "/p", List.of("a", "bc")));
    }

    @Test
    void secretRepliesRoundTripOnlyWithTheirKeyAndContext() {
        byte[] key = new byte[32];
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        String sealed = ReplayCipher.encrypt(key, "{\"token\":\"secret\"}", "producer\nkey\nfp");

        assertThat(sealed).doesNotContain("secret");
        assertThat(ReplayCipher.decrypt(key, sealed, "producer\nkey\nfp")).isEqualTo("{\"token\":\"secret\"}");
        assertThatThrownBy(() -> ReplayCipher.decrypt(otherKey, sealed, "producer\nkey\nfp"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ReplayCipher.decrypt(key, sealed, "other\nkey\nfp"))
                .isInstanceOf(IllegalStateException.class);
    }
}
