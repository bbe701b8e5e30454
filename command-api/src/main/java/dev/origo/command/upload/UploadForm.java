package dev.origo.command.upload;

/** A parsed upload: the spooled file, its sanitized name, its declared type and visibility. */
record UploadForm(SpooledFile file, String filename, String contentType, boolean isPublic) implements AutoCloseable {

    @Override
    public void close() {
        file.close();
    }
}
