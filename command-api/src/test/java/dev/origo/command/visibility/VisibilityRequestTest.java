package dev.origo.command.visibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.origo.command.ConfiguredJson;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The body of {@code PATCH /assets/{id}} as the service reads it; a read failure is a 400 malformed-body. */
class VisibilityRequestTest {

    private static final JsonMapper JSON = ConfiguredJson.mapper();

    @Test
    void readsAJsonBoolean() {
        assertThat(JSON.readValue("{\"is_public\":false}", VisibilityRequest.class).isPublic()).isFalse();
        assertThat(JSON.readValue("{\"is_public\":true}", VisibilityRequest.class).isPublic()).isTrue();
        assertThat(JSON.readValue("{}", VisibilityRequest.class).isPublic()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"false\"", "\"true\"", "\"\"", "0", "1", "2", "1.0"})
    void refusesAnythingButAJsonBoolean(String value) {
        assertThatThrownBy(() -> JSON.readValue("{\"is_public\":" + value + "}", VisibilityRequest.class))
                .isInstanceOf(MismatchedInputException.class);
    }
}
