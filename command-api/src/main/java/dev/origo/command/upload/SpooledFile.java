package dev.origo.command.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An uploaded file on local disk with its size and SHA-256 (lowercase hex); deleted on close. */
public record SpooledFile(Path path, long size, String sha256) implements AutoCloseable {

    /** The strong ETag of these bytes, exactly as sent in headers. */
    public String etag() {
        return '"' + sha256 + '"';
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete spooled upload " + path, e);
        }
    }
}
