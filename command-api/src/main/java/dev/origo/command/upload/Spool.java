package dev.origo.command.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Copies an upload stream to a temporary file while computing its SHA-256, in fixed-size chunks, so
 * memory does not grow with the file. Stops at the configured limit.
 */
@Component
class Spool {

    private static final int CHUNK = 64 * 1024;

    private final UploadProperties properties;

    Spool(UploadProperties properties) {
        this.properties = properties;
    }

    SpooledFile spool(InputStream in) throws IOException {
        long limit = properties.maxSize().toBytes();
        Path file = Files.createTempFile(properties.spoolDirectoryOrTemp(), "origo-upload-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[CHUNK];
            long size = 0;
            // Whole chunks: the part's stream hands out a few KB per read, and every write is a system call.
            for (int n = in.readNBytes(buffer, 0, CHUNK); n > 0; n = in.readNBytes(buffer, 0, CHUNK)) {
                size += n;
                if (size > limit) {
                    throw new UploadTooLargeException(limit);
                }
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            return new SpooledFile(file, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
