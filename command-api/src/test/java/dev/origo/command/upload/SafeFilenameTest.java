package dev.origo.command.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SafeFilenameTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "report.pdf|report.pdf",
            "../../etc/passwd|passwd",
            "C:\\Users\\me\\report.pdf|report.pdf",
            "dir/sub/|file",
            "..|file",
            ".htaccess|htaccess",
            "a\"b;c.txt|abc.txt",
            "  spaced name.txt  |spaced name.txt",
            "ünïcødé.txt|ünïcødé.txt"})
    void keepsOnlyTheSafeLastPathComponent(String submitted, String expected) {
        assertThat(SafeFilename.of(submitted)).isEqualTo(expected);
    }

    @Test
    void dropsControlAndFormatCharactersThatCouldBreakHeadersOrSpoofNames() {
        assertThat(SafeFilename.of("evil\r\nSet-Cookie: x\u0000.txt")).isEqualTo("evilSet-Cookie: x.txt");
        assertThat(SafeFilename.of("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void missingNameFallsBack() {
        assertThat(SafeFilename.of(null)).isEqualTo(SafeFilename.FALLBACK);
        assertThat(SafeFilename.of("\u0001\u0002")).isEqualTo(SafeFilename.FALLBACK);
    }

    @Test
    void boundsTheLength() {
        assertThat(SafeFilename.of("a".repeat(1_000))).hasSize(255);
    }

    @Test
    void neverCutsASurrogatePairInTwo() {
        String emoji = "\uD83D\uDE00"; // U+1F600, two UTF-16 units

        assertThat(SafeFilename.of("a".repeat(254) + emoji + "b")).isEqualTo("a".repeat(254));
        assertThat(SafeFilename.of("a".repeat(253) + emoji + "b")).isEqualTo("a".repeat(253) + emoji);
    }
}
