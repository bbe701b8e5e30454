package dev.origo.bench.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Where the load goes and the one request it sends, rendered to bytes once: a keep-alive HTTP/1.1 GET with
 * {@code Host}, {@code User-Agent: origo-bench} and the extra header fields, so that a request costs the client a
 * write and nothing more.
 */
record Target(InetSocketAddress address, byte[] request) {

    static Target of(URI uri, Map<String, String> headers) {
        if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an http:// URL is required: " + uri);
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        StringBuilder text = new StringBuilder("GET ").append(path);
        if (uri.getRawQuery() != null) {
            text.append('?').append(uri.getRawQuery());
        }
        text.append(" HTTP/1.1\r\nHost: ").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(port);
        }
        text.append("\r\nUser-Agent: origo-bench\r\n");
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append("\r\n"));
        byte[] request = text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return new Target(new InetSocketAddress(uri.getHost(), port), request);
    }
}
