package dev.origo.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Writes {@code BENCHMARKS.md} (the table of issue 6) and a JSON file of every raw figure from the
 * {@code key=value} results that {@code bench/run} collected, plus JMH's CSV when there is one.
 *
 * <pre>java dev.origo.bench.Report RESULTS_PROPERTIES JMH_CSV|- OUT_MD OUT_JSON</pre>
 */
public final class Report {

    /** Key prefix of the variant's figures (bench/run's run_variant). */
    private static final String VARIANT = "variant.";

    private final Properties results;

    private Report(Properties results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        Properties results = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]))) {
            results.load(reader);
        }
        List<String[]> jmh = args[1].equals("-") || !Files.exists(Path.of(args[1]))
                ? List.of() : csv(Files.readAllLines(Path.of(args[1])));
        Report report = new Report(results);
        Files.writeString(Path.of(args[2]), report.markdown(jmh));
        Files.writeString(Path.of(args[3]), report.json(jmh));
    }

    /** One row of the table: how Origo compares with its reference and whether the goal holds. */
    private record Row(String scenario, String reference, String origo, String ratio, String goal, String verdict) {
    }

    private List<Row> rows() {
        List<Row> rows = new ArrayList<>(servingRows(""));
        rows.add(throughput("100 MiB download, wrk -c1", "download", "S3 GetObject", "MB/s", 0.7));
        rows.add(throughput("100 MiB upload incl. SHA-256, curl", "upload", "S3 PutObject", "MB/s", 0.8));
        rows.add(bound("commit → visible p50 (VisibilityLatency)", "visibility.p50_ms", "ms", 50));
        rows.add(bound("commit → visible p99 (VisibilityLatency)", "visibility.p99_ms", "ms", 250));
        rows.add(rss(""));
        return rows;
    }

    /** The second query-api's rows (Temurin 25, virtual threads), or none if the variant did not run. */
    private List<Row> variantRows() {
        if (number(VARIANT + "r304.ref") == null) {
            return List.of();
        }
        List<Row> rows = new ArrayList<>(servingRows(VARIANT));
        rows.add(rss(VARIANT));
        return rows;
    }

    /** The query-api's own paths against nginx; {@code prefix} selects whose figures. */
    private List<Row> servingRows(String prefix) {
        List<Row> rows = new ArrayList<>();
        rows.add(throughput("304 revalidation (`If-None-Match`), wrk", prefix + "r304", "nginx", "req/s", 0.5));
        rows.add(latency("304 revalidation p99 at a fixed rate of " + text(prefix + "r304.fixed.rate")
                + " req/s (OpenLoad)", prefix + "r304.fixed", "nginx", 2.0));
        rows.add(throughput("hot 1 KiB GET (origin cache hit), wrk", prefix + "hot", "nginx", "req/s", 0.5));
        Row range = throughput("64 KiB single-range 206, wrk", prefix + "range", "nginx", "req/s", 0.5);
        boolean identical = "true".equals(results.getProperty(prefix + "range.identical"));
        rows.add(new Row(range.scenario() + (identical ? " (bytes identical)" : " (**bytes differ**)"),
                range.reference(), range.origo(), range.ratio(), range.goal() + ", identical bytes",
                identical ? range.verdict() : "missed"));
        return rows;
    }

    private Row rss(String prefix) {
        return bound("query-api RSS under the hot-GET load (max)", prefix + "rss.max_mib", "MiB", 512);
    }

    private Row throughput(String scenario, String key, String reference, String unit, double goal) {
        Double ref = number(key + ".ref");
        Double origo = number(key + ".origo");
        Double ratio = ref == null || origo == null || ref == 0 ? null : origo / ref;
        return new Row(scenario, figure(ref, unit) + " (" + reference + ")", figure(origo, unit), ratio(ratio),
                "≥ " + goal + "×", ratio == null ? "not measured" : ratio >= goal ? "met" : "missed");
    }

    private Row latency(String scenario, String key, String reference, double goal) {
        Double ref = number(key + ".ref.p99_ms");
        Double origo = number(key + ".origo.p99_ms");
        Double ratio = ref == null || origo == null || ref == 0 ? null : origo / ref;
        return new Row(scenario, figure(ref, "ms") + " (" + reference + ")", figure(origo, "ms"), ratio(ratio),
                "≤ " + goal + "×", ratio == null ? "not measured" : ratio <= goal ? "met" : "missed");
    }

    private Row bound(String scenario, String key, String unit, double goal) {
        Double origo = number(key);
        return new Row(scenario, "—", figure(origo, unit), "—", "≤ " + (long) goal + " " + unit,
                origo == null ? "not measured" : origo <= goal ? "met" : "missed");
    }

    private String markdown(List<String[]> jmh) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by `./origo bench").append(text("mode").equals("quick") ? " --quick" : "")
                .append("` (bench/run). Ratios are Origo ÷ reference, measured in the same run with the same tool ")
                .append("and the same connections; on a shared 2-core machine absolute figures are noisy, ratios less so.\n\n");
        md.append("- date: ").append(text("date")).append('\n');
        md.append("- machine: nproc ").append(text("nproc")).append(", CPU ").append(text("cpu")).append('\n');
        md.append("- JDK: ").append(text("jdk")).append(", query-api threads: ").append(text("threads")).append('\n');
        md.append("- mode: ").append(text("mode")).append("; wrk ").append(text("wrk.settings"))
                .append("; OpenLoad ").append(text("openload.settings"))
                .append("; query-api warmed up in ").append(text("settle.rounds"))
                .append(" rounds of 5 s per path, until req/s stopped rising; uploads: ").append(text("upload.settings"))
                .append('\n');
        md.append("- stack: ").append(text("stack")).append("; reference nginx ").append(text("nginx.version"))
                .append(" (").append(text("nginx.workers")).append(" workers, sendfile, access log on)\n\n");
        table(md, rows());
        md.append("\nOpenLoad is the bench module's open-model generator (`dev.origo.bench.load.OpenLoad`, an NIO ")
                .append("event loop like wrk2): requests ")
                .append("leave on a fixed schedule and latency counts from the intended send time, recorded in ")
                .append("HdrHistogram, so it does not suffer from coordinated omission; nginx and Origo are ")
                .append("measured in alternating runs (`AlternatingLoad`), so that noise from elsewhere on the ")
                .append("machine lands on both. wrk measures throughput ")
                .append("(closed model). Raw figures: `BENCHMARKS.json`. What the profiles showed and what was ")
                .append("changed: `docs/decisions/0010-query-api-hot-path.md`, `0015-range-cache.md`, ")
                .append("`0018-query-api-hot-path-dispatch-and-log.md`, `0019` to `0021` (relay, uploads, socket ")
                .append("buffers), `0022` (the floor), `0026` (the access log) and `0027` (NIO2, header bytes).\n");
        floor(md);
        List<Row> variant = variantRows();
        if (!variant.isEmpty()) {
            md.append("\n## Temurin 25 with virtual threads\n\n")
                    .append("A second query-api on the same stack, started with ").append(text(VARIANT + "jdk"))
                    .append(" and `spring.threads.virtual.enabled=true`, measured after the run above with the same ")
                    .append("load and a fresh nginx figure for each scenario (warmed up in ")
                    .append(text(VARIANT + "settle.rounds")).append(" rounds).\n\n");
            table(md, variant);
        } else if (results.getProperty(VARIANT + "skipped") != null) {
            md.append("\nThe Temurin 25 / virtual-threads variant did not run: ").append(text(VARIANT + "skipped"))
                    .append(".\n");
        }
        if (!jmh.isEmpty()) {
            md.append("\n## JMH microbenchmarks\n\n| benchmark | params | score | error | unit |\n|---|---|---|---|---|\n");
            for (String[] line : jmh) {
                String name = line[0].replace("dev.origo.bench.jmh.", "");
                String params = line.length > 7 ? line[7] : "";
                md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | ± %.1f | %s |%n", name, params,
                        Double.parseDouble(line[4]), parseOrZero(line[5]), line[6]));
            }
        }
        return md.toString();
    }

    /** The floor (bench/run's scenario_floor): the same hot responses from a bare Netty server, if measured. */
    private void floor(StringBuilder md) {
        if (number("floor.r304") == null) {
            return;
        }
        md.append("\n## The floor: the same responses from a bare Netty server\n\n")
                .append("`dev.origo.bench.floor.NettyFloor` answers every GET with the hot asset's 304 or 200, with the ")
                .append("same headers, one access-log line written per request and a `http.server.requests` timer, and ")
                .append("nothing else (no routing, caches or preconditions). It shows what the JVM and Netty cost here ")
                .append("for the same bytes on the wire; not a goal (decision 0022).\n\n")
                .append("| path | nginx | Origo | Netty floor | Origo ÷ nginx | floor ÷ nginx |\n|---|---|---|---|---|---|\n");
        floorRow(md, "304 revalidation", "r304");
        floorRow(md, "hot 1 KiB GET", "hot");
    }

    private void floorRow(StringBuilder md, String path, String key) {
        Double ref = number(key + ".ref");
        Double origo = number(key + ".origo");
        Double floor = number("floor." + key);
        md.append("| ").append(String.join(" | ", path, figure(ref, "req/s"), figure(origo, "req/s"),
                figure(floor, "req/s"), ratio(ref == null || origo == null || ref == 0 ? null : origo / ref),
                ratio(ref == null || floor == null || ref == 0 ? null : floor / ref))).append(" |\n");
    }

    private static void table(StringBuilder md, List<Row> rows) {
        md.append("| scenario | reference | Origo | ratio | goal | verdict |\n|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append("| ").append(String.join(" | ", row.scenario(), row.reference(), row.origo(), row.ratio(),
                    row.goal(), row.verdict())).append(" |\n");
        }
    }

    private String json(List<String[]> jmh) {
        Map<String, String> sorted = new TreeMap<>();
        results.stringPropertyNames().forEach(name -> sorted.put(name, results.getProperty(name)));
        StringBuilder json = new StringBuilder("{\n  \"figures\": {");
        String separator = "\n";
        for (Map.Entry<String, String> entry : sorted.entrySet()) {
            json.append(separator).append("    ").append(quote(entry.getKey())).append(": ").append(value(entry.getValue()));
            separator = ",\n";
        }
        json.append("\n  },\n  \"table\": [");
        separator = "\n";
        for (Row row : rows()) {
            json.append(separator).append(jsonRow(row));
            separator = ",\n";
        }
        json.append("\n  ],\n  \"variant_table\": [");
        separator = "\n";
        for (Row row : variantRows()) {
            json.append(separator).append(jsonRow(row));
            separator = ",\n";
        }
        json.append("\n  ],\n  \"jmh\": [");
        separator = "\n";
        for (String[] line : jmh) {
            json.append(separator).append("    {\"benchmark\": ").append(quote(line[0]))
                    .append(", \"params\": ").append(quote(line.length > 7 ? line[7] : ""))
                    .append(", \"score\": ").append(line[4]).append(", \"error\": ").append(parseOrZero(line[5]))
                    .append(", \"unit\": ").append(quote(line[6])).append('}');
            separator = ",\n";
        }
        return json.append("\n  ]\n}\n").toString();
    }

    private static String jsonRow(Row row) {
        return "    {\"scenario\": " + quote(row.scenario()) + ", \"reference\": " + quote(row.reference())
                + ", \"origo\": " + quote(row.origo()) + ", \"ratio\": " + quote(row.ratio())
                + ", \"goal\": " + quote(row.goal()) + ", \"verdict\": " + quote(row.verdict()) + "}";
    }

    private String text(String key) {
        return results.getProperty(key, "?");
    }

    private Double number(String key) {
        String value = results.getProperty(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String figure(Double value, String unit) {
        if (value == null) {
            return "n/a";
        }
        String number = value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
        return number + " " + unit;
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f×", ratio);
    }

    private static double parseOrZero(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String value(String raw) {
        try {
            Double.parseDouble(raw);
            return raw;
        } catch (NumberFormatException e) {
            return "true".equals(raw) || "false".equals(raw) ? raw : quote(raw);
        }
    }

    private static String quote(String raw) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : raw.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> quoted.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return quoted.append('"').toString();
    }

    /** JMH's CSV: a header line, then quoted fields separated by commas. */
    private static List<String[]> csv(List<String> lines) {
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.replace("\"", "").split(",", -1));
            }
        }
        return rows;
    }
}
