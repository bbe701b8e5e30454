package dev.origo.command.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Detects a file's type from its leading bytes with Apache Tika's magic numbers (tika-core: no parsers, no
 * file name hint), reading at most the few KiB Tika's patterns need, and applies {@link StoredContentType}.
 */
@Component
class ContentDetector {

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final Counter overridden;

    ContentDetector(MeterRegistry registry) {
        this.overridden = Counter.builder("origo.uploads.content-type.overridden")
                .description("Uploads stored with the detected rather than the declared content type")
                .register(registry);
    }

    /** The type the upload is stored with. */
    String storedType(Path file, String declared) {
        String stored = StoredContentType.of(declared, detect(file));
        if (!stored.equals(declared)) {
            overridden.increment();
        }
        return stored;
    }

    String detect(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return types.detect(in, new Metadata()).toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read spooled upload " + file, e);
        }
    }
}
