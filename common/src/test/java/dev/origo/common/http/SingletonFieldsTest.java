package dev.origo.common.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SingletonFieldsTest {

    @Test
    void repeatedOnlyWhenSentOnTwoLines() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", "Bearer a");
        request.addHeader("Idempotency-Key", "k1");
        request.addHeader("Idempotency-Key", "k2");

        assertThat(SingletonFields.repeated(request, "Authorization")).isFalse();
        assertThat(SingletonFields.repeated(request, "Idempotency-Key")).isTrue();
        assertThat(SingletonFields.repeated(request, "X-Absent")).isFalse();
    }
}
