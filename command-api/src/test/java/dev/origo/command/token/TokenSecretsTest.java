package dev.origo.command.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.origo.command.problem.BadCommandException;

class TokenSecretsTest {

    @Test
    void tokensAre32RandomBytesInBase64UrlWithoutPadding() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = TokenSecrets.generate();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void hashIsLowercaseHexSha256OfTheTokenText() {
        assertThat(TokenSecrets.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void lifetimeDefaultsAndIsCappedAtTheMaximum() {
        TokenController controller = new TokenController(null, null,
                new TokenProperties(Duration.ofHours(1), Duration.ofDays(7)), null, null, null);

        assertThat(controller.lifetime(null)).isEqualTo(Duration.ofHours(1));
        assertThat(controller.lifetime(new TokenRequest(null))).isEqualTo(Duration.ofHours(1));
        assertThat(controller.lifetime(new TokenRequest(1L))).isEqualTo(Duration.ofSeconds(1));
        assertThat(controller.lifetime(new TokenRequest(604_800L))).isEqualTo(Duration.ofDays(7));
        assertThat(controller.lifetime(new TokenRequest(604_801L))).isEqualTo(Duration.ofDays(7));
        assertThat(controller.lifetime(new TokenRequest(Long.MAX_VALUE))).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> controller.lifetime(new TokenRequest(0L))).isInstanceOf(BadCommandException.class);
        assertThatThrownBy(() -> controller.lifetime(new TokenRequest(-5L)))
                .isInstanceOf(BadCommandException.class).hasMessageContaining("at least 1");
    }

    @Test
    void defaultLongerThanMaximumIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenProperties(Duration.ofDays(8), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
