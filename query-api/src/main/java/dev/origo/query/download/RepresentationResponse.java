package dev.origo.query.download;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Enumeration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import dev.origo.common.accesslog.AccessLog;
import dev.origo.query.http.ByteRange;
import dev.origo.query.http.ByteRangeRequest;
import dev.origo.query.http.ConditionalRequest;
import dev.origo.query.http.FieldLines;
import dev.origo.query.http.MultipartByteranges;
import dev.origo.query.http.RangeParser;
import dev.origo.query.problem.PreconditionFailedException;
import dev.origo.query.problem.RangeNotSatisfiableException;
import dev.origo.query.server.HeaderWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers GET and HEAD for a {@link Representation} as RFC 9110 says: preconditions in §13.2.2
 * order, then {@code If-Range} and {@code Range} (GET only), then the body from {@link Bodies}.
 */
@Component
class RepresentationResponse {

    static final String CONTENT_DIGEST = "Content-Digest";

    private final Bodies bodies;
    private final RangeParser ranges = new RangeParser();
    private final Clock clock;
    private final TransferMetrics transfers;
    private final HeaderWriter headers;

    RepresentationResponse(Bodies bodies, Clock clock, TransferMetrics transfers, HeaderWriter headers) {
        this.bodies = bodies;
        this.clock = clock;
        this.transfers = transfers;
        this.headers = headers;
    }

    /** Answers the request; {@code field} values spanning several header lines are joined first. */
    void serve(HttpServletRequest request, HttpServletResponse response, Representation representation)
            throws IOException {
        ConditionalRequest conditions =
                new ConditionalRequest(representation.etag(), representation.lastModified(), clock);
        ConditionalRequest.Outcome outcome =
                conditions.evaluate(request.getMethod(), ConditionalRequest.Headers.from(name -> field(request, name)));
        if (outcome == ConditionalRequest.Outcome.PRECONDITION_FAILED) {
            throw new PreconditionFailedException();
        }
        headers.set(response, representation.headers());
        if (outcome == ConditionalRequest.Outcome.NOT_MODIFIED) {
            request.setAttribute(AccessLog.CACHE_STATUS, "REVALIDATED");
            response.setStatus(HttpStatus.NOT_MODIFIED.value());
            transfers.notModified(representation.length());
        } else {
            request.setAttribute(AccessLog.CACHE_STATUS, bodies.status(representation));
            serveContent(request, response, representation, conditions);
        }
    }

    private void serveContent(HttpServletRequest request, HttpServletResponse response, Representation representation,
                              ConditionalRequest conditions) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, representation.contentDisposition());
        String range = rangeField(request);
        boolean get = "GET".equals(request.getMethod());
        if (get && range != null && conditions.rangeApplies(field(request, HttpHeaders.IF_RANGE))) {
            ByteRangeRequest ranged = ranges.parse(range, representation.length());
            switch (ranged.kind()) {
                case UNSATISFIABLE -> throw new RangeNotSatisfiableException(ranged.unsatisfiedContentRange());
                case SATISFIABLE -> {
                    servePartial(request, response, representation, ranged);
                    return;
                }
                case NONE -> {
                    // A malformed or unsupported Range is ignored: the whole representation follows.
                }
            }
        }
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(representation.contentType());
        response.setContentLengthLong(representation.length());
        response.setHeader(CONTENT_DIGEST, representation.contentDigest());
        if (get && representation.length() > 0) {
            transfers.full(representation.length());
            bodies.copy(representation, response.getOutputStream());
        }
    }

    private void servePartial(HttpServletRequest request, HttpServletResponse response, Representation representation,
                              ByteRangeRequest ranged) throws IOException {
        response.setStatus(HttpStatus.PARTIAL_CONTENT.value());
        request.setAttribute(AccessLog.CACHE_STATUS, bodies.status(representation, ranged.ranges()));
        boolean fromChunks = bodies.fromChunks(representation, ranged.ranges());
        if (!ranged.isMultipart()) {
            ByteRange only = ranged.ranges().get(0);
            response.setContentType(representation.contentType());
            response.setHeader(HttpHeaders.CONTENT_RANGE, only.contentRangeHeader());
            response.setContentLengthLong(only.length());
            transfers.partial(only.length(), representation.length());
            bodies.copy(representation, only, fromChunks, response.getOutputStream());
            return;
        }
        MultipartByteranges multipart = MultipartByteranges.of(representation.contentType(), ranged.ranges());
        response.setContentType(multipart.contentType());
        response.setContentLengthLong(multipart.contentLength());
        transfers.partial(ranged.ranges().stream().mapToLong(ByteRange::length).sum(), representation.length());
        OutputStream out = response.getOutputStream();
        for (MultipartByteranges.Part part : multipart.parts()) {
            part.writeHeaderTo(out);
            bodies.copy(representation, part.range(), fromChunks, out);
        }
        multipart.writeClosingDelimiterTo(out);
    }

    /** A field's value, with several lines of it joined by ", " (RFC 9110 §5.3); null when absent. */
    private static String field(HttpServletRequest request, String name) {
        return FieldLines.join(request.getHeaders(name));
    }

    /**
     * The Range field, or null when it is absent or sent on more than one line: Range is not a list, so two
     * lines are an invalid field (RFC 9110 §5.3), and an invalid Range is ignored (§14.2) rather than guessing
     * which line an intermediary would have read.
     */
    private static String rangeField(HttpServletRequest request) {
        Enumeration<String> lines = request.getHeaders(HttpHeaders.RANGE);
        if (lines == null || !lines.hasMoreElements()) {
            return null;
        }
        String first = lines.nextElement();
        return lines.hasMoreElements() ? null : first;
    }
}
