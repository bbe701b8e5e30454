package dev.origo.command.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class MultipartUploadTest {

    private static final String BOUNDARY = "------------------------d74496d66958873e";

    @TempDir
    Path spoolDirectory;

    private MultipartUpload multipart() {
        UploadProperties properties = new UploadProperties(DataSize.ofMegabytes(1), spoolDirectory, DataSize.ofKilobytes(64));
        return new MultipartUpload(new Spool(properties), properties);
    }

    @Test
    void readsTheFilePartAndTheVisibility() throws IOException {
        MockHttpServletRequest request = upload(
                filePart("a.txt", "first") + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"is_public\"\r\n\r\nfalse\r\n");

        try (UploadForm form = multipart().read(request)) {
            assertThat(form.filename()).isEqualTo("a.txt");
            assertThat(form.declaredType()).isEqualTo("text/plain");
            assertThat(form.isPublic()).isFalse();
            assertThat(Files.readString(form.file().path())).isEqualTo("first");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "résumé \\\"final\\\".txt|résumé final.txt",
            "\\\"quoted\\\"|quoted",
            "C:\\Users\\me\\report.pdf|report.pdf",
            "dir\\\\a.txt|a.txt"})
    void escapedQuotesInTheFilenameAreUnescapedAndPathsStillCut(String submitted, String stored) throws IOException {
        try (UploadForm form = multipart().read(upload(filePart(submitted, "x")))) {
            assertThat(form.filename()).isEqualTo(stored);
        }
    }

    @Test
    void refusesASecondFilePartAndKeepsNothingOfTheFirst() throws IOException {
        MockHttpServletRequest request = upload(filePart("a.txt", "first") + filePart("b.txt", "second"));

        assertThatThrownBy(() -> multipart().read(request))
                .isInstanceOf(BadUploadException.class)
                .hasMessage("the multipart body has more than one file part");
        try (var spooled = Files.list(spoolDirectory)) {
            assertThat(spooled).isEmpty();
        }
    }

    private static String filePart(String filename, String content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n";
    }

    /** A curl-style {@code multipart/form-data} request with these parts. */
    private static MockHttpServletRequest upload(String parts) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/assets/upload");
        request.setContentType("multipart/form-data; boundary=" + BOUNDARY);
        request.setContent((parts + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
