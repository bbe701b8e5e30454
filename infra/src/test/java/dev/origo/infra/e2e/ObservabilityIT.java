package dev.origo.infra.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

import dev.origo.common.accesslog.AccessLines;
import dev.origo.events.AssetContentReplaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/** The metrics of DESIGN §8 are scraped at /actuator/prometheus, and the shipped dashboard only names real ones. */
class ObservabilityIT {

    private final HttpClient http = HttpClient.newHttpClient();

    private String scrape(ConfigurableApplicationContext service) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(service)
                + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void documentedMetricsAreScrapedAndTheDashboardNamesOnlyThose() throws Exception {
        Stack stack = Stack.get();
        Client client = new Client(stack);
        ResponseEntity<Map> created = client.upload(Bytes.random(2_000), "m.bin", "application/octet-stream", null);
        String path = "/assets/" + created.getBody().get("id") + "/download";
        HttpResponse<byte[]> first = client.get(path, "X-Min-Sequence", "1");
        client.get(path, "If-None-Match", first.headers().firstValue("ETag").orElseThrow());
        client.get(path, "Range", "bytes=0-9");
        client.get("/assets/private/not-a-valid-token-at-all");

        // A replaced asset is purged: the purge worker then has a published → purged latency to show.
        Events.publish(stack, UUID.fromString((String) created.getBody().get("id")), 2,
                new AssetContentReplaced("m.bin", "application/octet-stream", 2_000, Bytes.sha256(Bytes.random(1))));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> scrape(stack.purgeWorker).contains("origo_purge_latency_seconds_bucket"));

        String command = scrape(stack.commandApi);
        String projector = scrape(stack.projector);
        String query = scrape(stack.queryApi);
        String all = command + projector + query + scrape(stack.purgeWorker);

        assertThat(command).contains("origo_relay_lag_seconds_bucket", "origo_relay_published_total",
                "origo_blobs_written_total", "http_server_requests_seconds", "origo_relay_slot_lag_bytes");
        // Request latency histograms on every service (DESIGN §8), not only on the query-api.
        for (String service : List.of(scrape(stack.commandApi), scrape(stack.projector), scrape(stack.purgeWorker))) {
            assertThat(service).contains("http_server_requests_seconds_bucket");
        }
        // The relay holds its slot, so the gauge reads a byte count (NaN only while there is no slot;
        // a reading is cached for a few seconds, hence the wait).
        Pattern slotLag = Pattern.compile("(?m)^origo_relay_slot_lag_bytes(?:\\{[^}]*})? ([0-9.E+-]+)$");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Matcher value = slotLag.matcher(scrape(stack.commandApi));
            assertThat(value.find()).as("origo_relay_slot_lag_bytes has a numeric value").isTrue();
            assertThat(Double.parseDouble(value.group(1))).isGreaterThanOrEqualTo(0);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> scrape(stack.projector).contains("origo_projection_lag_seconds_bucket"));
        assertThat(projector).contains("origo_projection_duplicates_total", "origo_projection_gaps_total");
        assertThat(query).contains("http_server_requests_seconds_bucket", "cache_gets_total{cache=\"asset_views\"",
                "cache_gets_total{cache=\"small_bodies\"", "origo_bytes_served_bytes_total",
                "origo_bytes_saved_bytes_total{by=\"not_modified\"", "origo_bytes_saved_bytes_total{by=\"range\"",
                "origo_tokens_rejected_total", "origo_cache_eviction_lag_seconds");
        // The content paths are timed by their own filter (decision 0024): Spring's series, with the mapping's pattern.
        assertThat(query).containsPattern("(?m)^http_server_requests_seconds_bucket\\{error=\"none\",exception=\"none\","
                + "method=\"GET\",outcome=\"REDIRECTION\",status=\"304\",uri=\"/assets/\\{id}/download\",le=");

        // Failure counters appear at their first failure (they are tagged by provider and reason).
        Set<String> onFirstFailure = Set.of("origo_purge_failures_total", "origo_purge_dead_lettered_total");
        for (String metric : dashboardMetrics()) {
            if (onFirstFailure.contains(metric)) {
                continue;
            }
            assertThat(all).as("dashboard metric %s is exposed by some service", metric).contains(metric);
        }
    }

    /** Readiness names its components, so an operator sees which dependency is DOWN (docs/operations.md). */
    /**
     * DESIGN §8's access line, as the running query-api writes it (batched to standard output, decision 0026): one
     * ECS JSON line per request with the request's fields, written without waiting for more traffic.
     */
    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theQueryApiWritesOneEcsAccessLinePerRequest(CapturedOutput output) throws Exception {
        Stack stack = Stack.get();
        Client client = new Client(stack);
        ResponseEntity<Map> created = client.upload(Bytes.random(1_500), "a.bin", "application/octet-stream", null);
        String path = "/assets/" + created.getBody().get("id") + "/download";
        String etag = client.get(path, "X-Min-Sequence", "1").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> revalidated = client.get(path, "If-None-Match", etag);

        assertThat(revalidated.statusCode()).isEqualTo(304);
        String marker = "\"message\":\"GET " + path + " 304\"";
        await().atMost(Duration.ofSeconds(10)).until(() -> output.getOut().contains(marker));
        List<String> lines = output.getOut().lines().filter(line -> line.contains(marker)).toList();
        assertThat(lines).hasSize(1);
        JsonNode line = CommandIT.MAPPER.readTree(lines.get(0));
        assertThat(line.at("/log/logger").asText()).isEqualTo("origo.access");
        assertThat(line.at("/service/name").asText()).isEqualTo("query-api");
        assertThat(line.at("/@timestamp").asText()).isNotEmpty();
        assertThat(line.at("/method").asText()).isEqualTo("GET");
        assertThat(line.at("/path").asText()).isEqualTo(path);
        assertThat(line.at("/status").asInt()).isEqualTo(304);
        assertThat(line.at("/duration_ms").isNumber()).isTrue();
        assertThat(line.at("/bytes").asLong()).isZero();
        assertThat(line.at("/cache").asText()).isEqualTo("REVALIDATED");
        assertThat(line.at("/user_agent").asText()).isNotEmpty();
        assertThat(stack.queryApi.getBean(AccessLines.class).getClass().getSimpleName())
                .as("the batched console lines, not the logger").isEqualTo("ConsoleAccessLines");
    }

    @Test
    void readinessShowsItsComponents() throws Exception {
        Stack stack = Stack.get();
        String readiness = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Stack.port(stack.queryApi)
                + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(readiness).contains("\"components\"", "\"db\"", "\"kafka\"", "\"s3\"");
    }

    /** DESIGN §8's business counters count committed commands, exactly once each, with the public/private split. */
    @Test
    void businessCountersCountCommittedCommands() throws Exception {
        Stack stack = Stack.get();
        Client client = new Client(stack);
        MeterRegistry metrics = stack.commandApi.getBean(MeterRegistry.class);
        double publicBefore = count(metrics, "origo.assets.uploaded", "visibility", "public");
        double privateBefore = count(metrics, "origo.assets.uploaded", "visibility", "private");
        double bytesBefore = count(metrics, "origo.content.stored");
        double publishedBefore = count(metrics, "origo.versions.published");
        double issuedBefore = count(metrics, "origo.tokens.issued");

        ResponseEntity<Map> shown = client.upload(Bytes.random(1_000), "p.bin", "application/octet-stream", true);
        ResponseEntity<Map> hidden = client.upload(Bytes.random(3_000), "q.bin", "application/octet-stream", false);
        String key = "Bearer " + Stack.PRODUCER_KEY;
        CommandIT.Exchange publish = CommandIT.sendTo(stack.commandUrl(), "POST",
                "/assets/" + shown.getBody().get("id") + "/publish", null, null, "Authorization", key);
        CommandIT.Exchange token = CommandIT.sendTo(stack.commandUrl(), "POST",
                "/assets/" + hidden.getBody().get("id") + "/access-token", "application/json", "{}".getBytes(),
                "Authorization", key);
        CommandIT.Exchange refused = CommandIT.sendTo(stack.commandUrl(), "POST",
                "/assets/" + UUID.randomUUID() + "/publish", null, null, "Authorization", key);

        assertThat(List.of(publish.status(), token.status(), refused.status())).containsExactly(201, 201, 404);
        assertThat(count(metrics, "origo.assets.uploaded", "visibility", "public") - publicBefore).isEqualTo(1);
        assertThat(count(metrics, "origo.assets.uploaded", "visibility", "private") - privateBefore).isEqualTo(1);
        assertThat(count(metrics, "origo.content.stored") - bytesBefore).isEqualTo(4_000);
        assertThat(count(metrics, "origo.versions.published") - publishedBefore).isEqualTo(1);
        assertThat(count(metrics, "origo.tokens.issued") - issuedBefore).isEqualTo(1);
        assertThat(scrape(stack.commandApi)).contains("origo_assets_uploaded_total{", "origo_content_stored_bytes_total",
                "origo_versions_published_total", "origo_tokens_issued_total", "origo_tokens_revoked_total");
    }

    private static double count(MeterRegistry metrics, String name, String... tags) {
        Counter counter = metrics.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Metric names used in the dashboard's PromQL, without the histogram suffixes Prometheus adds. */
    private static Set<String> dashboardMetrics() throws Exception {
        Path dashboard = Path.of("grafana/origo-dashboard.json");
        String json = Files.readString(dashboard);
        Matcher expressions = Pattern.compile("\"expr\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        Set<String> names = new LinkedHashSet<>();
        while (expressions.find()) {
            // A suffix after the label matchers (name{…}_bucket) is not PromQL: the panel would show an error.
            assertThat(expressions.group(1)).as("dashboard expression").doesNotContainPattern("}_[a-z]");
            Matcher metric = Pattern.compile("\\b((?:origo|http|cache)_[a-z_]+)(?=[{\\[])").matcher(expressions.group(1));
            while (metric.find()) {
                names.add(metric.group(1).replaceAll("_bucket$", ""));
            }
        }
        assertThat(names).hasSizeGreaterThan(8);
        return names;
    }
}
