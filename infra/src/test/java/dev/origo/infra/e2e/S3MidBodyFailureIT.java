package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import dev.origo.query.QueryApiApplication;

/**
 * S3 fails in the middle of a body, after the query-api has sent 200 and Content-Length: the client
 * must see the transfer break (the connection closes short of Content-Length), never a response that
 * looks complete, and never a hang; the next request is served in full once S3 answers again. A
 * query-api of this test's own reaches the stack's S3 through a proxy that can hold and cut.
 */
class S3MidBodyFailureIT extends CommandIT {

    /** Far larger than the small-body cache and than the bytes the proxy lets through before it holds. */
    private static final int SIZE = 8 * 1024 * 1024;
    private static final int LET_THROUGH = 256 * 1024;
    private static final Duration PROMPT = Duration.ofSeconds(30);
    private static final String S3_ENDPOINT = "--origo.s3.endpoint=";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static CuttableProxy proxy;
    private static ConfigurableApplicationContext queryApi;

    @BeforeAll
    static void startProxyAndQueryApi() throws Exception {
        proxy = new CuttableProxy(stack.s3.endpoint());
        List<String> arguments = new ArrayList<>(stack.commonArguments().stream()
                .filter(argument -> !argument.startsWith(S3_ENDPOINT)).toList());
        arguments.add(S3_ENDPOINT + proxy.endpoint());
        arguments.add(QueryApiApplication.CONFIG_NAME);
        queryApi = QueryApiApplication.application().run(arguments.toArray(String[]::new));
    }

    @AfterAll
    static void stopProxyAndQueryApi() throws Exception {
        if (queryApi != null) {
            queryApi.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void aBodyCutShortByS3EndsTheResponseShortOfItsLengthAndTheNextRequestIsWhole() throws Exception {
        byte[] content = Bytes.random(SIZE);
        Exchange created = upload(content, "cut-" + UUID.randomUUID() + ".bin", "application/octet-stream");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = (String) created.json().get("id");
        String sequence = String.valueOf(created.sequence());

        proxy.holdAnswersAfter(LET_THROUGH);
        HttpResponse<InputStream> response = HTTP.send(request(id, sequence), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(SIZE);

        CompletableFuture<Integer> reading = CompletableFuture.supplyAsync(() -> readAll(response.body()));
        // Once the first 256 KiB went through and S3's answer stalls, its connection dies mid-body.
        assertThat(proxy.awaitHolding(PROMPT)).as("S3's answer reached the hold").isTrue();
        proxy.cutAll();

        assertThatThrownBy(() -> reading.get(PROMPT.toSeconds(), TimeUnit.SECONDS))
                .as("the body breaks off (an I/O error short of Content-Length), promptly")
                .hasCauseInstanceOf(BrokenBody.class);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            HttpResponse<byte[]> whole = HTTP.send(request(id, sequence), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(whole.statusCode()).isEqualTo(200);
            assertThat(whole.body()).isEqualTo(content);
        });
    }

    /** Reads to the end; a read that fails (as the JDK client's does when a body ends short of its length) is a BrokenBody. */
    private static int readAll(InputStream body) {
        byte[] buffer = new byte[64 * 1024];
        int total = 0;
        try (body) {
            int read;
            while ((read = body.read(buffer)) >= 0) {
                total += read;
            }
        } catch (IOException e) {
            throw new BrokenBody(total, e);
        }
        if (total < SIZE) {
            throw new BrokenBody(total, null);
        }
        return total;
    }

    private static final class BrokenBody extends RuntimeException {
        BrokenBody(int received, IOException cause) {
            super("body ended after " + received + " of " + SIZE + " bytes", cause);
        }
    }

    private static HttpRequest request(String id, String sequence) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(queryApi) + "/assets/" + id + "/download"))
                .header("X-Min-Sequence", sequence)
                .timeout(Duration.ofSeconds(60))
                .GET().build();
    }
}
