package dev.origo.command.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads a {@code multipart/form-data} upload as a stream ({@link FormDataReader}), so the file part goes
 * straight to the {@link Spool} and never sits in memory.
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
            FormDataReader form = new FormDataReader(request.getInputStream(), boundary(type));
            for (FormPart part = form.next(); part != null; part = form.next()) {
                String name = part.name();
                if ("file".equals(name) && part.isFile()) {
                    if (file != null) {
                        // Refused before the blob store is asked: the first file is deleted below, nothing is stored.
                        throw new BadUploadException("the multipart body has more than one file part");
                    }
                    file = spool.spool(part.body());
                    filename = part.filename();
                    contentType = part.contentType();
                } else if ("is_public".equals(name)) {
                    isPublic = parseBoolean(readField(name, part.body()));
                }
                // Any other part is skipped by the next call to next().
            }
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

    /** The {@code boundary} parameter, parsed as commons-fileupload parses it (quoted or not, ';' or ','). */
    private static String boundary(String contentType) {
        String boundary = FormPart.parameters(contentType, ';', ',').get("boundary");
        if (boundary == null) {
            throw new BadUploadException("the multipart Content-Type has no boundary");
        }
        return boundary;
    }

    private static String readField(String name, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
        if (bytes.length > MAX_FIELD_BYTES) {
            throw new BadUploadException("form field '" + name + "' is too long");
        }
        return new String(bytes, StandardCharsets.UTF_8).strip();
    }

    private static boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new BadUploadException("is_public must be true or false, got '" + value + "'");
        };
    }

    private static void closeQuietly(SpooledFile file) {
        if (file != null) {
            file.close();
        }
    }
}
