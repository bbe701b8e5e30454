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
 * @param readBuffer     Tomcat's per-connection read buffer ({@code socket.appReadBufSize}, 8 KB by default): a
 *                       request body comes off the socket in pieces of this size
 */
@ConfigurationProperties("origo.upload")
public record UploadProperties(
        @DefaultValue("5GB") DataSize maxSize,
        Path spoolDirectory,
        @DefaultValue("64KB") DataSize readBuffer) {

    public Path spoolDirectoryOrTemp() {
        return spoolDirectory != null ? spoolDirectory : Path.of(System.getProperty("java.io.tmpdir"));
    }
}
