package dev.origo.purge.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.origo.purge.PurgeProperties;
import dev.origo.purge.retry.Backoff;
import dev.origo.purge.retry.RetryingSender;

/** A WireMock server standing in for a CDN's API, and the retry policy the contract tests send through. */
final class CdnApiStub {

    static final PurgeProperties.Http HTTP = new PurgeProperties.Http(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private CdnApiStub() {
    }

    static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    /** Real sleeps (the 429 test times them), short backoff, 3 attempts; failed attempts' reasons collected. */
    static RetryingSender sender(List<String> failures) {
        PurgeProperties.Retry retry = new PurgeProperties.Retry(3, Duration.ofMillis(20), 2.0, Duration.ofMillis(100),
                0.5, Duration.ofSeconds(5));
        return new RetryingSender(new Backoff(retry), retry.maxAttempts(), duration -> {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(duration.toNanos());
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, (provider, failure) -> failures.add(failure.reason()));
    }

    static List<String> collected() {
        return new ArrayList<>();
    }
}
