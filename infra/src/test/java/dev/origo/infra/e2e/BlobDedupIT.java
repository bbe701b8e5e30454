package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.origo.infra.S3Node;

/** Identical bytes are stored once, under their SHA-256. */
class BlobDedupIT {

    private static Stack stack;
    private static Client client;

    @BeforeAll
    static void stack() throws Exception {
        stack = Stack.get();
        client = new Client(stack);
    }

    @Test
    void uploadingTheSameBytesTwiceStoresOneBlob() {
        byte[] bytes = Bytes.random(20_000);
        String sha256 = Bytes.sha256(bytes);
        MeterRegistry metrics = stack.commandApi.getBean(MeterRegistry.class);
        double writtenBefore = metrics.counter("origo.blobs.written").count();
        double dedupBefore = metrics.counter("origo.blobs.deduplicated").count();

        ResponseEntity<Map> first = client.upload(bytes, "a.bin", "application/octet-stream", null);
        ResponseEntity<Map> second = client.upload(bytes, "b.bin", "application/octet-stream", null);

        assertThat(first.getBody().get("id")).isNotEqualTo(second.getBody().get("id"));
        assertThat(first.getBody().get("sha256")).isEqualTo(sha256).isEqualTo(second.getBody().get("sha256"));
        assertThat(metrics.counter("origo.blobs.written").count()).isEqualTo(writtenBefore + 1);
        assertThat(metrics.counter("origo.blobs.deduplicated").count()).isEqualTo(dedupBefore + 1);
        try (S3Client s3 = S3Client.builder().endpointOverride(stack.s3.endpoint()).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Node.ACCESS_KEY, S3Node.SECRET_KEY)))
                .build()) {
            assertThat(s3.listObjectsV2(list -> list.bucket("origo").prefix("blobs/sha256/" + sha256)).contents())
                    .extracting(S3Object::key, S3Object::size)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("blobs/sha256/" + sha256, 20_000L));
        }
    }
}
