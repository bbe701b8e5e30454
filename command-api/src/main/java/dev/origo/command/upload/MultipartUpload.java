package dev.origo.command.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a {@code multipart/form-data} upload as a stream (commons-fileupload's streaming API), so
 * the file part goes straight to the {@link Spool} and never sits in memory.
 */
@Component
class MultipartUpload {

    private static final int MAX_FIELD_BYTES = 64;
    /** Room for boundaries, part headers and form fields around a file of the maximum size. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final Spool spool;
    private final UploadProperties properties;

    MultipartUpload(Spool spool, UploadProperties properties) {
        this.spool = spool;
        this.properties = properties;
    }

    UploadForm read(HttpServletRequest request) throws IOException {
        // Not JakartaServletFileUpload.isMultipartContent: it admits POST only, and PUT replaces content.
        String type = request.getContentType();
        if (type == null || !type.regionMatches(true, 0, "multipart/form-data", 0, "multipart/form-data".length())) {
            throw new NotMultipartException(request.getContentType());
        }
        long limit = properties.maxSize().toBytes();
        if (request.getContentLengthLong() > limit + MULTIPART_OVERHEAD) {
            // Rejected before reading a byte; a chunked body is stopped by the spool at the limit instead.
            throw new UploadTooLargeException(limit);
        }
        SpooledFile file = null;
        String filename = null;
        String contentType = null;
        Boolean isPublic = null;
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if ("file".equals(item.getFieldName()) && !item.isFormField() && file == null) {
                    try (InputStream in = item.getInputStream()) {
                        file = spool.spool(in);
                    }
                    filename = item.getName();
                    contentType = item.getContentType();
                } else if ("is_public".equals(item.getFieldName())) {
                    isPublic = parseBoolean(readField(item));
                } else {
                    drain(item);
                }
            }
        } catch (FileUploadException e) {
            closeQuietly(file);
            throw new BadUploadException("malformed multipart body: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
        if (file == null) {
            throw new BadUploadException("the multipart body has no 'file' part");
        }
        return new UploadForm(file, SafeFilename.of(filename), ContentTypes.normalize(contentType),
                isPublic == null || isPublic);
    }

    private static String readField(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new BadUploadException("form field '" + item.getFieldName() + "' is too long");
            }
            return new String(bytes, StandardCharsets.UTF_8).strip();
        }
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BadUploadException("is_public must be true or false, got '" + value + "'");
        };
    }

    private static void drain(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static void closeQuietly(SpooledFile file) {
        if (file != null) {
            file.close();
        }
    }
}
