package dev.origo.command.upload;

import java.util.List;

/** A parsed upload: the spooled file, its sanitized name, its declared type and visibility. */
record UploadForm(SpooledFile file, String filename, String declaredType, boolean isPublic) implements AutoCloseable {

    /** What makes two uploads the same request for {@code Idempotency-Key}: the bytes' SHA-256 and the form fields. */
    List<String> fingerprintParts() {
        return List.of(file.sha256(), filename, declaredType, Boolean.toString(isPublic));
    }

    @Override
    public void close() {
        file.close();
    }
}
