package dev.origo.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.origo.command.auth.Producer;
import dev.origo.common.ratelimit.Rate;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CommandRateLimitTest {

    /** {@code Producer.ATTRIBUTE}: where the authentication filter leaves the producer of a request. */
    private static final String PRODUCER = "origo.producer";
    private static final Rate TWO_THEN_ONE_PER_TWO_SECONDS = new Rate(1, Duration.ofSeconds(2), 2);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private CommandRateLimit limit(ClientKey per) {
        // A clock that stands still: the refused request's Retry-After is exact, however slow the machine.
        return new CommandRateLimit(per, new Budget("upload", TWO_THEN_ONE_PER_TWO_SECONDS, registry, () -> 1_000_000_000L));
    }

    private static MockHttpServletRequest request(String producer, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/assets/upload");
        request.setAttribute(PRODUCER, new Producer(producer, new byte[32]));
        request.setRemoteAddr(address);
        return request;
    }

    private static boolean admits(CommandRateLimit limit, MockHttpServletRequest request) {
        try {
            return limit.preHandle(request, new MockHttpServletResponse(), new Object());
        } catch (RateLimitedException e) {
            return false;
        }
    }

    @Test
    void refusesPastTheBurstWithTooManyRequestsAndRetryAfter() {
        CommandRateLimit limit = limit(ClientKey.PRODUCER);
        assertThat(admits(limit, request("alpha", "10.0.0.1"))).isTrue();
        assertThat(admits(limit, request("alpha", "10.0.0.1"))).isTrue();

        RateLimitedException refused = catchThrowableOfType(RateLimitedException.class,
                () -> limit.preHandle(request("alpha", "10.0.0.1"), new MockHttpServletResponse(), new Object()));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
        assertThat(refused.getMessage()).isEqualTo("Too many uploads from this client; retry in 2 s.");
    }

    @Test
    void countsEveryRefusalByKind() {
        CommandRateLimit limit = limit(ClientKey.PRODUCER);
        for (int i = 0; i < 5; i++) {
            admits(limit, request("alpha", "10.0.0.1"));
        }

        assertThat(registry.get("origo.command.rate_limited").tag("kind", "upload").counter().count()).isEqualTo(3.0);
    }

    @Nested
    class Keys {

        @Test
        void perProducerGivesEachProducerItsOwnBudgetWhereverItComesFrom() {
            CommandRateLimit limit = limit(ClientKey.PRODUCER);
            admits(limit, request("alpha", "10.0.0.1"));
            admits(limit, request("alpha", "10.0.0.2"));

            assertThat(admits(limit, request("alpha", "10.0.0.3"))).isFalse();
            assertThat(admits(limit, request("beta", "10.0.0.1"))).isTrue();
        }

        @Test
        void perClientAddressSharesOneBudgetAmongTheProducersOfAnAddress() {
            CommandRateLimit limit = limit(ClientKey.CLIENT_ADDRESS);
            admits(limit, request("alpha", "10.0.0.1"));
            admits(limit, request("beta", "10.0.0.1"));

            assertThat(admits(limit, request("gamma", "10.0.0.1"))).isFalse();
            assertThat(admits(limit, request("alpha", "10.0.0.2"))).isTrue();
        }

        @Test
        void perProducerAndClientAddressKeepsEachPairApart() {
            CommandRateLimit limit = limit(ClientKey.PRODUCER_AND_CLIENT_ADDRESS);
            admits(limit, request("alpha", "10.0.0.1"));
            admits(limit, request("alpha", "10.0.0.1"));

            assertThat(admits(limit, request("alpha", "10.0.0.1"))).isFalse();
            assertThat(admits(limit, request("alpha", "10.0.0.2"))).isTrue();
            assertThat(admits(limit, request("beta", "10.0.0.1"))).isTrue();
        }
    }

    @Test
    void refusesARateThatAdmitsNothing() {
        assertThatThrownBy(() -> new RateLimitProperties.Uploads(0, 10, Duration.ofSeconds(1)).toRate())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
