package dev.origo.command.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class StoredContentTypeTest {

    @ParameterizedTest(name = "declared {0}, detected {1} -> {2}")
    @CsvSource({
            "text/plain, text/html, text/html",
            "image/png, image/svg+xml, image/svg+xml",
            "application/json, application/xml, application/xml",
            "application/octet-stream, image/png, image/png",
            "application/octet-stream, application/octet-stream, application/octet-stream",
            "image/png, application/pdf, image/png",
            "text/html, text/plain, text/html",
            "application/xhtml+xml, text/html, application/xhtml+xml",
            "text/plain;charset=UTF-8, text/plain, text/plain;charset=UTF-8"})
    void activeBytesWinThenSpecificDeclarationsWin(String declared, String detected, String stored) {
        assertThat(StoredContentType.of(declared, detected)).isEqualTo(stored);
    }

    @Test
    void knowsWhichTypesAreActive() {
        assertThat(StoredContentType.isActive("TEXT/HTML; charset=utf-8")).isTrue();
        assertThat(StoredContentType.isActive("application/rss+xml")).isTrue();
        assertThat(StoredContentType.isActive("text/javascript")).isTrue();
        assertThat(StoredContentType.isActive("text/plain")).isFalse();
        assertThat(StoredContentType.isActive("image/png")).isFalse();
    }

    @Nested
    class Detection {

        private final ContentDetector detector = new ContentDetector(new SimpleMeterRegistry());

        @TempDir
        Path directory;

        private Path file(byte[] bytes) throws IOException {
            return Files.write(Files.createTempFile(directory, "upload", ".part"), bytes);
        }

        @Test
        void detectsFromMagicBytes() throws IOException {
            assertThat(detector.detect(file("<!DOCTYPE html><html><body></body></html>".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("text/html");
            assertThat(detector.detect(file("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII))))
                    .isEqualTo("application/pdf");
            assertThat(detector.detect(file("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".getBytes(StandardCharsets.UTF_8))))
                    .isEqualTo("image/svg+xml");
        }

        @Test
        void emptyFileIsOctetStreamSoTheDeclarationStands() throws IOException {
            Path empty = file(new byte[0]);

            assertThat(detector.detect(empty)).isEqualTo("application/octet-stream");
            assertThat(detector.storedType(empty, "text/plain")).isEqualTo("text/plain");
        }
    }
}
