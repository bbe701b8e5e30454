package dev.origo.command.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.origo.command.ConfiguredJson;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The body of {@code POST /assets/{id}/access-token} as the service reads it; a read failure is a 400 malformed-body. */
class TokenRequestTest {

    private static final JsonMapper JSON = ConfiguredJson.mapper();

    @Test
    void readsWholeSeconds() {
        assertThat(JSON.readValue("{\"expires_in\":60}", TokenRequest.class).expiresIn()).isEqualTo(60L);
        assertThat(JSON.readValue("{}", TokenRequest.class).expiresIn()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"60\"", "\"\"", "1.5", "60.0", "1e2", "true"})
    void refusesAnythingButAJsonInteger(String value) {
        assertThatThrownBy(() -> JSON.readValue("{\"expires_in\":" + value + "}", TokenRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
