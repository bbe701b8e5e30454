package dev.origo.command.upload;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Uploads.
 *
 * @param maxSize        the largest file accepted; larger ones get 413 and nothing is stored
 * @param spoolDirectory where an upload is spooled while its SHA-256 is computed (default: the JVM's temp dir)
 */
@ConfigurationProperties("origo.upload")
public record UploadProperties(
        @DefaultValue("5GB") DataSize maxSize,
        Path spoolDirectory) {

    public Path spoolDirectoryOrTemp() {
        return spoolDirectory != null ? spoolDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
