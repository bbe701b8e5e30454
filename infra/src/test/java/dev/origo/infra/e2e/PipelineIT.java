package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Commands through command-api, reads through query-api: the whole pipeline, the way a producer and a client use it. */
class PipelineIT extends CommandIT {

    private static HttpResponse<byte[]> read(String path, long minSequence, String... headers) throws Exception {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Min-Sequence";
        all[1] = Long.toString(minSequence);
        System.arraycopy(headers, 0, all, 2, headers.length);
        return new Client(stack).get(path, all);
    }

    @Test
    void publishedVersionsPrivateLinksReplacementAndDeletionAreServedAsCommanded() throws Exception {
        byte[] first = Bytes.random(5_000);
        byte[] second = Bytes.random(6_000);
        UUID asset = newAsset(first);

        Exchange published = send("POST", "/assets/" + asset + "/publish", null, null);
        assertThat(published.status()).isEqualTo(201);
        Map<String, Object> version = published.json();
        String versionUrl = (String) version.get("url");
        String versionPath = versionUrl.substring(versionUrl.indexOf("/assets/"));
        HttpResponse<byte[]> versioned = read(versionPath, published.sequence());
        assertThat(versioned.statusCode()).isEqualTo(200);
        assertThat(versioned.body()).isEqualTo(first);
        assertThat(versioned.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");

        Exchange issued = json("POST", "/assets/" + asset + "/access-token", "{\"expires_in\": 600}");
        assertThat(issued.status()).isEqualTo(201);
        String token = (String) issued.json().get("token");
        HttpResponse<byte[]> privately = read("/assets/private/" + token, issued.sequence());
        assertThat(privately.statusCode()).isEqualTo(200);
        assertThat(privately.body()).isEqualTo(first);
        assertThat(new Client(stack).get("/assets/private/" + token).statusCode()).isEqualTo(200);

        Exchange revoked = send("DELETE", "/assets/" + asset + "/access-tokens/" + issued.json().get("token_id"), null, null);
        assertThat(revoked.status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(10))
                .until(() -> new Client(stack).get("/assets/private/" + token).statusCode() == 403);

        Exchange replaced = replace(asset, second, "second.bin", "application/octet-stream");
        assertThat(replaced.status()).isEqualTo(200);
        HttpResponse<byte[]> latest = read("/assets/" + asset + "/download", replaced.sequence());
        assertThat(latest.body()).isEqualTo(second);
        assertThat(latest.headers().firstValue("ETag")).hasValue('"' + Bytes.sha256(second) + '"');
        assertThat(read(versionPath, replaced.sequence()).body()).as("versions are immutable").isEqualTo(first);

        Exchange deleted = send("DELETE", "/assets/" + asset, null, null);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(read("/assets/" + asset + "/download", deleted.sequence()).statusCode()).isEqualTo(404);
        assertThat(read(versionPath, deleted.sequence()).statusCode()).isEqualTo(404);
    }
}
