package dev.origo.purge.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

class HttpPurgeAnswersTest {

    @Test
    void readsRetryAfterAsSecondsOrAnHttpDate() {
        Instant now = Instant.parse("2026-01-10T10:00:00Z");
        assertThat(HttpPurgeAnswers.retryAfter("12", now)).isEqualTo(Duration.ofSeconds(12));
        assertThat(HttpPurgeAnswers.retryAfter("Sat, 10 Jan 2026 10:00:05 GMT", now)).isEqualTo(Duration.ofSeconds(5));
        assertThat(HttpPurgeAnswers.retryAfter("Sat, 10 Jan 2026 09:00:00 GMT", now)).isEqualTo(Duration.ZERO);
        assertThat(HttpPurgeAnswers.retryAfter("soon", now)).isNull();
        assertThat(HttpPurgeAnswers.retryAfter(null, now)).isNull();
    }

    @Test
    void classifiesStatuses() {
        HttpHeaders none = new HttpHeaders();
        HttpPurgeAnswers.check("x", HttpStatusCode.valueOf(200), none, "");
        assertThat(catchThrowableOfType(PurgeFailure.class,
                () -> HttpPurgeAnswers.check("x", HttpStatusCode.valueOf(503), none, "")).kind())
                .isEqualTo(PurgeFailure.Kind.RETRIABLE);
        assertThat(catchThrowableOfType(PurgeFailure.class,
                () -> HttpPurgeAnswers.check("x", HttpStatusCode.valueOf(400), none, "")).kind())
                .isEqualTo(PurgeFailure.Kind.REJECTED);
        HttpHeaders limited = new HttpHeaders();
        limited.add(HttpHeaders.RETRY_AFTER, "2");
        PurgeFailure failure = catchThrowableOfType(PurgeFailure.class,
                () -> HttpPurgeAnswers.check("x", HttpStatusCode.valueOf(429), limited, ""));
        assertThat(failure.kind()).isEqualTo(PurgeFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryAfter()).hasValue(Duration.ofSeconds(2));
    }

    @Test
    void chunksInOrderWithinTheLimit() {
        List<PurgeRequest> requests = PurgeRequest.chunked(PurgeRequest.Kind.TAGS, List.of("a", "b", "c", "d", "e"), 2);
        assertThat(requests).extracting(PurgeRequest::values)
                .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
        assertThat(PurgeRequest.chunked(PurgeRequest.Kind.URLS, List.of(), 30)).isEmpty();
        assertThatThrownBy(() -> PurgeRequest.chunked(PurgeRequest.Kind.URLS, List.of("a"), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
