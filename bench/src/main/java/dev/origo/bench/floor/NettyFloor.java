package dev.origo.bench.floor;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The floor: a bare Netty HTTP/1.1 server that answers every GET with the query-api's hot responses for one
 * asset — a 304 when {@code If-None-Match} carries its ETag, else the 200 with its bytes — with the same
 * response headers, one ECS-shaped access-log line written per request (as the query-api's console line) and
 * a {@code http.server.requests} timer with a percentile histogram. No routing, no view lookup, no
 * preconditions beyond the one comparison: what the JVM and Netty cost on this machine for the same bytes
 * on the wire, next to nginx and the query-api (decision 0022).
 *
 * <pre>java dev.origo.bench.floor.NettyFloor PORT BODY_FILE ETAG ASSET_ID ACCESS_LOG</pre>
 */
public final class NettyFloor {

    private NettyFloor() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Responses responses = new Responses(Files.readAllBytes(Path.of(args[1])), args[2], args[3]);
        MeterRegistry registry = new SimpleMeterRegistry();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                NioIoHandler.newFactory());
        try (OutputStream accessLog = new FileOutputStream(args[4], true)) {
            new ServerBootstrap().group(group)
                    .channel(NioServerSocketChannel.class)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel channel) {
                            channel.pipeline().addLast(new HttpServerCodec(), new Handler(responses, registry, accessLog));
                        }
                    })
                    .bind("127.0.0.1", port).sync().channel().closeFuture().sync();
        } finally {
            group.shutdownGracefully();
        }
    }

    /** The asset's two answers, with the header values the query-api sends. */
    private record Responses(byte[] body, String etag, String assetId) {

        FullHttpResponse answer(HttpRequest request) {
            boolean notModified = etag.equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
            FullHttpResponse response = notModified
                    ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER)
                    : new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, Unpooled.wrappedBuffer(body));
            HttpHeaders headers = response.headers()
                    .set(HttpHeaderNames.ETAG, etag)
                    .set(HttpHeaderNames.LAST_MODIFIED, "Sat, 28 Nov 2026 16:09:40 GMT")
                    .set(HttpHeaderNames.CACHE_CONTROL, "public, s-maxage=3600, max-age=60")
                    .set(HttpHeaderNames.ACCEPT_RANGES, "bytes")
                    .set("X-Content-Type-Options", "nosniff")
                    .set("Cache-Tag", "asset-" + assetId)
                    .set("Surrogate-Key", "asset-" + assetId)
                    .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()));
            if (!notModified) {
                headers.set(HttpHeaderNames.CONTENT_TYPE, "application/octet-stream")
                        .set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            }
            return response;
        }
    }

    private static final class Handler extends SimpleChannelInboundHandler<HttpObject> {

        private final Responses responses;
        private final MeterRegistry registry;
        private final OutputStream accessLog;

        Handler(Responses responses, MeterRegistry registry, OutputStream accessLog) {
            this.responses = responses;
            this.registry = registry;
            this.accessLog = accessLog;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (!(message instanceof HttpRequest request)) {
                return;
            }
            long started = System.nanoTime();
            FullHttpResponse response = responses.answer(request);
            int status = response.status().code();
            int bytes = response.content().readableBytes();
            context.writeAndFlush(response);
            long elapsed = System.nanoTime() - started;
            Timer.builder("http.server.requests")
                    .tags("method", request.method().name(), "uri", "/assets/{id}/download", "status",
                            Integer.toString(status), "outcome", status < 400 ? "SUCCESS" : "CLIENT_ERROR",
                            "exception", "none", "error", "none")
                    .publishPercentileHistogram()
                    .register(registry)
                    .record(elapsed, TimeUnit.NANOSECONDS);
            log(request, status, elapsed, bytes);
        }

        /** The query-api's access line, same fields and about the same length, written synchronously. */
        private void log(HttpRequest request, int status, long elapsed, int bytes) {
            String method = request.method().name();
            StringBuilder line = new StringBuilder(480)
                    .append("{\"@timestamp\":\"").append(Instant.now())
                    .append("\",\"log\":{\"level\":\"INFO\",\"logger\":\"origo.access\"},\"process\":{\"pid\":")
                    .append(ProcessHandle.current().pid()).append(",\"thread\":{\"name\":\"")
                    .append(Thread.currentThread().getName())
                    .append("\"}},\"service\":{\"name\":\"netty-floor\",\"version\":\"0.1.0-SNAPSHOT\",\"node\":{}},")
                    .append("\"message\":\"").append(method).append(' ').append(request.uri()).append(' ').append(status)
                    .append("\",\"method\":\"").append(method).append("\",\"path\":\"").append(request.uri())
                    .append("\",\"status\":").append(status).append(",\"duration_ms\":").append(elapsed / 1e6)
                    .append(",\"bytes\":").append(bytes).append(",\"cache\":\"HIT\",\"user_agent\":\"")
                    .append(request.headers().get(HttpHeaderNames.USER_AGENT)).append("\",\"ecs\":{\"version\":\"8.11\"}}\n");
            byte[] encoded = line.toString().getBytes(StandardCharsets.UTF_8);
            synchronized (accessLog) {
                try {
                    accessLog.write(encoded);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
