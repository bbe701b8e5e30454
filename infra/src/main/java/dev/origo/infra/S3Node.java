package dev.origo.infra;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * A real S3-compatible server: S3Proxy over a directory, with AWS signature checks, so the services
 * talk to it exactly as they would to S3.
 */
public final class S3Node implements AutoCloseable {

    /** Local-stack credentials; a real deployment configures its own. */
    public static final String ACCESS_KEY = "origo";
    public static final String SECRET_KEY = "origo-local-secret";

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3Node(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /** Starts on {@code port} (0 picks a free one), keeping blobs under {@code directory}, with {@code bucket} created. */
    public static S3Node start(Path directory, int port, String bucket) throws Exception {
        Files.createDirectories(directory);
        BlobStore store = new FilesystemNio2BlobStore(directory.toAbsolutePath().toString());
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        awaitStarted(proxy);
        if (!store.containerExists(bucket)) {
            store.createContainer(bucket);
        }
        return new S3Node(proxy, URI.create("http://127.0.0.1:" + proxy.getPort()));
    }

    private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    /** {@code --data DIR --port N --bucket NAME}: runs until the process is stopped. */
    public static void main(String[] args) throws Exception {
        NodeArguments arguments = NodeArguments.parse(args);
        S3Node node = start(arguments.path("data"), arguments.integer("port"), arguments.text("bucket", "origo"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception e) {
                System.err.println("S3Proxy did not stop cleanly: " + e);
            }
        }, "s3-stop"));
        System.out.println("S3 server ready on " + node.endpoint() + " (access key " + ACCESS_KEY + ")");
        Thread.currentThread().join();
    }
}
