package dev.origo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    private static final String MAIN_RUN = """
            date=2026-11-28T10:00:00Z
            mode=full
            r304.ref=30000
            r304.origo=12000
            r304.fixed.rate=15000
            r304.fixed.ref.p99_ms=2
            r304.fixed.origo.p99_ms=3
            hot.ref=25000
            hot.origo=13000
            range.ref=18000
            range.origo=9000
            range.identical=true
            upload.ref=200
            upload.origo=110
            rss.max_mib=400
            """;

    @TempDir
    Path dir;

    @Test
    void theVariantGetsItsOwnTableWithItsOwnRatios() throws IOException {
        String md = report(MAIN_RUN + """
                variant.jdk=OpenJDK Runtime Environment Temurin-25
                variant.r304.ref=40000
                variant.r304.origo=10000
                variant.r304.fixed.rate=20000
                variant.hot.ref=20000
                variant.hot.origo=11000
                variant.range.ref=18000
                variant.range.origo=9000
                variant.range.identical=false
                variant.rss.max_mib=600
                """);

        String main = md.substring(0, md.indexOf("## Temurin 25"));
        String variant = md.substring(md.indexOf("## Temurin 25"), md.indexOf("## JMH") < 0 ? md.length() : md.indexOf("## JMH"));
        assertThat(main).contains("| 304 revalidation (`If-None-Match`), wrk | 30,000 req/s (nginx) | 12,000 req/s | 0.40× | ≥ 0.5× | missed |")
                .contains("| 100 MiB upload incl. SHA-256, curl | 200 MB/s (S3 PutObject) | 110 MB/s | 0.55× | ≥ 0.8× | missed |");
        assertThat(variant).contains("Temurin-25")
                .contains("| 304 revalidation (`If-None-Match`), wrk | 40,000 req/s (nginx) | 10,000 req/s | 0.25× |")
                .contains("| hot 1 KiB GET (origin cache hit), wrk | 20,000 req/s (nginx) | 11,000 req/s | 0.55× | ≥ 0.5× | met |")
                .contains("(**bytes differ**)")
                .contains("| query-api RSS under the hot-GET load (max) | — | 600 MiB | — | ≤ 512 MiB | missed |")
                .doesNotContain("upload");
        assertThat(Files.readString(dir.resolve("out.json"))).contains("\"variant_table\": [\n    {\"scenario\": \"304");
    }

    @Test
    void withoutTheVariantThereIsOnlyTheMainTable() throws IOException {
        String md = report(MAIN_RUN + "variant.skipped=no Temurin 25 JDK found\n");

        assertThat(md).doesNotContain("## Temurin 25").contains("variant did not run: no Temurin 25 JDK found");
        assertThat(Files.readString(dir.resolve("out.json"))).contains("\"variant_table\": [\n  ]");
    }

    @Test
    void theFloorGetsItsOwnTableBesideNginxAndOrigo() throws IOException {
        String md = report(MAIN_RUN + """
                floor.r304=27000
                floor.hot=24000
                """);

        String floor = md.substring(md.indexOf("## The floor"));
        assertThat(floor).contains("| 304 revalidation | 30,000 req/s | 12,000 req/s | 27,000 req/s | 0.40× | 0.90× |")
                .contains("| hot 1 KiB GET | 25,000 req/s | 13,000 req/s | 24,000 req/s | 0.52× | 0.96× |");
        assertThat(md.substring(0, md.indexOf("## The floor"))).contains("| 304 revalidation (`If-None-Match`), wrk |");
    }

    @Test
    void withoutTheFloorThereIsNoFloorTable() throws IOException {
        assertThat(report(MAIN_RUN)).doesNotContain("## The floor");
    }

    private String report(String results) throws IOException {
        Path properties = Files.writeString(dir.resolve("results.properties"), results);
        Report.main(new String[] {properties.toString(), "-", dir.resolve("out.md").toString(),
                dir.resolve("out.json").toString()});
        return Files.readString(dir.resolve("out.md"));
    }
}
