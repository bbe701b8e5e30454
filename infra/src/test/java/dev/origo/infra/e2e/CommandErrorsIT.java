package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Every error is an RFC 9457 problem with a stable type; bad input is never a 500. */
class CommandErrorsIT extends CommandIT {

    /** Method and path of every command on an existing asset ({@code %s} = the asset id). */
    private static final List<String[]> COMMANDS = List.of(
            new String[] {"PUT", "/assets/%s/content"},
            new String[] {"POST", "/assets/%s/publish"},
            new String[] {"PATCH", "/assets/%s"},
            new String[] {"DELETE", "/assets/%s"},
            new String[] {"POST", "/assets/%s/access-token"},
            new String[] {"DELETE", "/assets/%s/access-tokens/" + UUID.randomUUID()});

    private static Exchange command(String[] command, String id) {
        String path = command[1].formatted(id);
        if (command[0].equals("PUT")) {
            Multipart form = multipart(Bytes.random(10), "x.bin", "application/octet-stream");
            return send("PUT", path, form.contentType(), form.body());
        }
        if (command[0].equals("PATCH")) {
            return json("PATCH", path, "{\"is_public\": true}");
        }
        return send(command[0], path, null, null);
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class Authentication {

        @Test
        void missingKeyIsUnauthorizedWithBearerChallenge() {
            Exchange reply = sendRaw("POST", "/assets/" + UUID.randomUUID() + "/publish", null, null);

            assertProblem(reply, 401, "unauthorized");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"origo\"");
        }

        @Test
        void wrongKeyIsUnauthorizedAndNeverLogged(CapturedOutput output) {
            String wrong = "wrong-key-" + UUID.randomUUID();

            Exchange reply = sendRaw("PATCH", "/assets/" + UUID.randomUUID(), JSON, "{}".getBytes(),
                    "Authorization", "Bearer " + wrong);

            assertProblem(reply, 401, "unauthorized");
            assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"origo\", error=\"invalid_token\"");
            assertThat(reply.body()).doesNotContain(wrong);
            assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(Stack.PRODUCER_KEY)
                    .doesNotContain(Stack.SECOND_PRODUCER_KEY);
        }

        @Test
        void otherSchemeIsUnauthorized() {
            assertProblem(sendRaw("DELETE", "/assets/" + UUID.randomUUID(), null, null,
                    "Authorization", "Basic " + Stack.PRODUCER_KEY), 401, "unauthorized");
        }

        @Test
        void twoAuthorizationLinesAreUnauthorizedWhicheverComesFirst() {
            for (String[] lines : new String[][] {{"Bearer " + Stack.PRODUCER_KEY, "Bearer wrong"},
                    {"Bearer wrong", "Bearer " + Stack.PRODUCER_KEY},
                    {"Bearer " + Stack.PRODUCER_KEY, "Bearer " + Stack.SECOND_PRODUCER_KEY}}) {
                Exchange reply = sendRaw("POST", "/assets/" + UUID.randomUUID() + "/publish", null, null,
                        "Authorization", lines[0], "Authorization", lines[1]);

                assertProblem(reply, 401, "unauthorized");
            }
        }

        @Test
        void everyConfiguredKeyIsAccepted() {
            Multipart form = multipart(Bytes.random(10), "x.bin", "application/octet-stream");

            Exchange reply = sendRaw("POST", "/assets/upload", form.contentType(), form.body(),
                    "Authorization", "Bearer " + Stack.SECOND_PRODUCER_KEY);

            assertThat(reply.status()).isEqualTo(201);
        }
    }

    @Nested
    class BadRequest {

        @Test
        void malformedIdOnEveryCommandIsBadRequest() {
            for (String[] command : COMMANDS) {
                assertProblem(command(command, "not-a-uuid"), 400, "malformed-id");
                // UUID.fromString would read this as 00000001-0001-0001-0001-000000000001: a 404, where the
                // query-api answers 400 for the same string.
                assertProblem(command(command, "1-1-1-1-1"), 400, "malformed-id");
            }
        }

        @Test
        void malformedTokenIdIsBadRequest() {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(send("DELETE", "/assets/" + id + "/access-tokens/42", null, null), 400, "malformed-id");
            assertProblem(send("DELETE", "/assets/" + id + "/access-tokens/1-2-3-4-5", null, null), 400, "malformed-id");
        }

        @Test
        void unparsableJsonIsBadRequest() {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(json("PATCH", "/assets/" + id, "{\"is_public\": "), 400, "malformed-body");
            assertProblem(json("PATCH", "/assets/" + id, "{\"is_public\": [1]}"), 400, "malformed-body");
            assertProblem(json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": \"soon\"}"), 400,
                    "malformed-body");
        }

        @Test
        void missingIsPublicIsBadRequest() {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(json("PATCH", "/assets/" + id, "{}"), 400, "bad-request");
            assertProblem(send("PATCH", "/assets/" + id, JSON, null), 400, "malformed-body");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -5, Long.MIN_VALUE})
        void expiresInBelowOneSecondIsBadRequest(long expiresIn) {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": " + expiresIn + "}"), 400,
                    "bad-request");
            assertThat(jdbc().sql("SELECT count(*) FROM command.access_tokens WHERE asset_id = ?").param(id)
                    .query(Long.class).single()).isZero();
        }

        @Test
        void oversizedJsonIsRefusedWithoutBeingRead() {
            UUID id = newAsset(Bytes.random(10));
            // 1 MiB: far past the 64 KB limit, within what Tomcat swallows after answering early.
            String padding = "x".repeat(1024 * 1024);
            String huge = "{\"is_public\": false, \"padding\": \"" + padding + "\"}";

            assertProblem(json("PATCH", "/assets/" + id, huge), 413, "body-too-large");
            assertProblem(json("PATCH", "/assets/" + id, huge, "Idempotency-Key", UUID.randomUUID().toString()), 413,
                    "body-too-large");
            assertProblem(json("POST", "/assets/" + id + "/access-token", "{\"expires_in\": 60, \"padding\": \""
                    + padding + "\"}"), 413, "body-too-large");
            assertThat(jdbc().sql("SELECT is_public FROM command.assets WHERE id = ?").param(id)
                    .query(Boolean.class).single()).as("nothing applied").isTrue();
        }

        @Test
        void crlfInAFilenameNeverReachesAHeader() throws Exception {
            Exchange created = upload(Bytes.random(10), "report\r\nX-Injected: yes\r\n.pdf", "application/octet-stream");

            assertThat(created.status()).as(created.body()).isIn(201, 400);
            if (created.status() == 201) {
                String filename = (String) created.json().get("filename");
                assertThat(filename).doesNotContain("\r", "\n");
                String id = (String) created.json().get("id");
                Client client = new Client(stack);
                HttpResponse<byte[]> download = client.get("/assets/" + id + "/download",
                        "X-Min-Sequence", String.valueOf(created.sequence()));
                assertThat(download.statusCode()).isEqualTo(200);
                assertThat(download.headers().firstValue("X-Injected")).isEmpty();
                assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).doesNotContain("\r", "\n");
            } else {
                assertProblem(created, 400, "bad-upload");
            }
        }

        @Test
        void uploadWithoutFilePartIsBadRequest() {
            String boundary = "b";
            byte[] body = ("--b\r\nContent-Disposition: form-data; name=\"is_public\"\r\n\r\ntrue\r\n--b--\r\n").getBytes();

            assertProblem(send("POST", "/assets/upload", "multipart/form-data; boundary=" + boundary, body), 400,
                    "bad-upload");
        }
    }

    @Nested
    class NotFound {

        @Test
        void unknownAssetOnEveryCommandIsNotFound() {
            String unknown = UUID.randomUUID().toString();
            for (String[] command : COMMANDS) {
                assertProblem(command(command, unknown), 404, "asset-not-found");
            }
        }
    }

    @Nested
    class UnsupportedMediaType {

        @Test
        void uploadAndReplaceMustBeMultipart() {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(send("POST", "/assets/upload", "application/octet-stream", Bytes.random(10)), 415,
                    "not-multipart");
            assertProblem(send("PUT", "/assets/" + id + "/content", JSON, "{}".getBytes()), 415, "not-multipart");
        }

        @Test
        void patchMustBeJson() {
            UUID id = newAsset(Bytes.random(10));

            assertProblem(send("PATCH", "/assets/" + id, "text/plain", "is_public=false".getBytes()), 415, "http-415");
        }
    }

    @Nested
    class MethodNotAllowed {

        @Test
        void unsupportedMethodIsAProblem() {
            Exchange reply = send("GET", "/assets/" + UUID.randomUUID(), null, null);

            assertProblem(reply, 405, "http-405");
            assertThat(reply.header("Allow")).contains("PATCH").contains("DELETE");
        }
    }
}
