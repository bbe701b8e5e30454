package dev.origo.query.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void acceptsCanonicalUuidsInEitherCase() {
        UUID id = UUID.randomUUID();

        assertThat(Ids.parse(id.toString())).isEqualTo(id);
        assertThat(Ids.parse(id.toString().toUpperCase())).isEqualTo(id);
        assertThat(Ids.isCanonical("00000000-0000-0000-0000-000000000000")).isTrue();
    }

    @Test
    void refusesEverythingElse() {
        for (String id : new String[] {null, "", "123", "dc11e355-8430-46a4-bc8c-cfaa2c85998",
                "dc11e355-8430-46a4-bc8c-cfaa2c85998aa", "dc11e3558-430-46a4-bc8c-cfaa2c85998a",
                "dc11e355_8430_46a4_bc8c_cfaa2c85998a", "gc11e355-8430-46a4-bc8c-cfaa2c85998a",
                "dc11e355-8430-46a4-bc8c-cfaa2c85998\uFF10", "dc11e355-8430-46a4-bc8c-cfaa2c85998\u0661",
                "{c11e355-8430-46a4-bc8c-cfaa2c85998a", "1-1-1-1-1"}) {
            assertThat(Ids.isCanonical(id)).as(id).isFalse();
            assertThatThrownBy(() -> Ids.parse(id)).as(id).isInstanceOf(MalformedIdException.class);
        }
    }
}
