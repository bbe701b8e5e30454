package dev.origo.common.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class CanonicalUuidsTest {

    @Test
    void parsesCanonicalUuidsInEitherCase() {
        UUID id = UUID.randomUUID();

        assertThat(CanonicalUuids.parse(id.toString())).isEqualTo(id);
        assertThat(CanonicalUuids.parse(id.toString().toUpperCase())).isEqualTo(id);
    }

    @Test
    void refusesWhatUuidFromStringWouldStretch() {
        for (String text : new String[] {"1-1-1-1-1", "0-0-0-0-0", "dc11e355-8430-46a4-bc8c-cfaa2c85998",
                "dc11e355-8430-46a4-bc8c-0cfaa2c85998a", "+c11e355-8430-46a4-bc8c-cfaa2c85998a", "", null}) {
            assertThat(CanonicalUuids.isCanonical(text)).as(text).isFalse();
            assertThatThrownBy(() -> CanonicalUuids.parse(text)).as(text).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
