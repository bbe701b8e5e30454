package dev.origo.bench;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Prints a presigned GET or PUT URL of an object on the S3 server, so that wrk and curl can talk to
 * it directly (the reference of the bulk-transfer scenarios). Valid for one hour.
 *
 * <pre>java dev.origo.bench.S3Presign get|put ENDPOINT BUCKET KEY ACCESS_KEY SECRET_KEY</pre>
 */
public final class S3Presign {

    private S3Presign() {
    }

    public static void main(String[] args) {
        String method = args[0];
        try (S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(URI.create(args[1]))
                .region(Region.US_EAST_1)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(args[4], args[5])))
                .build()) {
            String bucket = args[2];
            String key = args[3];
            Duration valid = Duration.ofHours(1);
            String url = switch (method) {
                case "get" -> presigner.presignGetObject(get -> get.signatureDuration(valid)
                        .getObjectRequest(object -> object.bucket(bucket).key(key))).url().toString();
                case "put" -> presigner.presignPutObject(put -> put.signatureDuration(valid)
                        .putObjectRequest(object -> object.bucket(bucket).key(key))).url().toString();
                default -> throw new IllegalArgumentException("get or put, not " + method);
            };
            System.out.println(url);
        }
    }
}
