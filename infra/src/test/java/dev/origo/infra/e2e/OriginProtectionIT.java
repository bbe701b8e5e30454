package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/** A query-api configured to answer only its edge (shared secret, client ranges) and to throttle private links. */
class OriginProtectionIT {

    private static Stack stack;
    private static ConfigurableApplicationContext protectedApi;
    private static ConfigurableApplicationContext rangeLimited;
    private static String asset;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        stack = Stack.get();
        protectedApi = stack.startQueryApi("--origo.protection.secret=edge-secret",
                "--origo.protection.private-link-rate=3", "--origo.protection.private-link-window=1h");
        rangeLimited = stack.startQueryApi("--origo.protection.allowed-cidrs=10.0.0.0/8,192.168.0.0/16");
        ResponseEntity<Map> created = new Client(stack).upload(Bytes.random(64), "p.bin", "application/octet-stream", null);
        asset = (String) created.getBody().get("id");
    }

    @AfterAll
    static void stop() {
        protectedApi.close();
        rangeLimited.close();
    }

    private HttpResponse<String> get(ConfigurableApplicationContext instance, String path, String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(instance) + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesRequestsWithoutTheEdgeSecret() throws Exception {
        String path = "/assets/" + asset + "/download";

        HttpResponse<String> refused = get(protectedApi, path, "X-Min-Sequence", "1");
        HttpResponse<String> wrong = get(protectedApi, path, "X-Origin-Secret", "guess");
        HttpResponse<String> served = get(protectedApi, path, "X-Origin-Secret", "edge-secret", "X-Min-Sequence", "1");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("\"type\":\"https://origo.dev/problems/origin-protected\"");
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(get(protectedApi, "/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesClientsOutsideTheAllowedRanges() throws Exception {
        assertThat(get(rangeLimited, "/assets/" + asset + "/download").statusCode()).isEqualTo(403);
        assertThat(get(stack.queryApi, "/assets/" + asset + "/download", "X-Min-Sequence", "1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void throttlesPrivateLinkGuessingPerClient() throws Exception {
        String[] secret = {"X-Origin-Secret", "edge-secret"};
        for (int i = 0; i < 3; i++) {
            assertThat(get(protectedApi, "/assets/private/guessed-token-number-" + i, secret).statusCode())
                    .isEqualTo(403);
        }

        HttpResponse<String> limited = get(protectedApi, "/assets/private/guessed-token-number-4", secret);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.headers().firstValue("Cache-Control"))
                .hasValue("private, no-store, no-cache, must-revalidate");
    }
}
