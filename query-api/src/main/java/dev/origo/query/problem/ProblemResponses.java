package dev.origo.query.problem;

import java.net.URI;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.origo.query.blob.BlobInterruptedException;
import dev.origo.query.blob.BlobUnavailableException;
import dev.origo.query.freshness.MalformedMinSequenceException;
import dev.origo.query.freshness.NotYetVisibleException;
import dev.origo.common.problem.Problems;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one place where exceptions become RFC 9457 responses; a client never sees a stack trace.
 * Errors are never stored by caches: {@code no-store}, and the private tier's full directive on the
 * private path.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    static final String PRIVATE_CACHE_CONTROL = "private, no-store, no-cache, must-revalidate";
    private static final URI ABOUT_BLANK = URI.create("about:blank");
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(MalformedIdException.class)
    ResponseEntity<Object> malformedId(MalformedIdException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-id", "Malformed id", e, request);
    }

    @ExceptionHandler(MalformedMinSequenceException.class)
    ResponseEntity<Object> malformedMinSequence(MalformedMinSequenceException e, WebRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-min-sequence", "Malformed X-Min-Sequence", e, request);
    }

    @ExceptionHandler(AssetNotFoundException.class)
    ResponseEntity<Object> notFound(AssetNotFoundException e, WebRequest request) {
        return problem(HttpStatus.NOT_FOUND, "asset-not-found", "Asset not found", e, request);
    }

    @ExceptionHandler(TokenRejectedException.class)
    ResponseEntity<Object> tokenRejected(TokenRejectedException e, WebRequest request) {
        return problem(HttpStatus.FORBIDDEN, "invalid-token", "Invalid link", e, request);
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ResponseEntity<Object> preconditionFailed(PreconditionFailedException e, WebRequest request) {
        return problem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed", e, request);
    }

    /**
     * A 416 with {@code Content-Range: bytes *}{@code /<length>}. The representation's headers set before the range was
     * parsed are dropped, as on every error; like every error it is never stored (a cache keeping it under the URL
     * would refuse every later request for the asset).
     */
    @ExceptionHandler(RangeNotSatisfiableException.class)
    ResponseEntity<Object> rangeNotSatisfiable(RangeNotSatisfiableException e, WebRequest request) {
        resetUncommitted(request);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_RANGE, e.contentRange());
        HttpStatus status = HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE;
        return handleExceptionInternal(e, Problems.of(status, "range-not-satisfiable", "Range not satisfiable",
                e.getMessage()), headers, status, request);
    }

    @ExceptionHandler(NotYetVisibleException.class)
    ResponseEntity<Object> notYetVisible(NotYetVisibleException e, WebRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return handleExceptionInternal(e, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "not-yet-visible",
                "Not yet visible", e.getMessage()), headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    @ExceptionHandler(BlobUnavailableException.class)
    ResponseEntity<Object> blobUnavailable(BlobUnavailableException e, WebRequest request)
            throws BlobInterruptedException {
        if (isCommitted(request)) {
            // A later part of a multipart range: the status is on the wire already.
            return blobInterrupted(new BlobInterruptedException(e), request);
        }
        log.warn("Blob store unavailable", e);
        return blobStoreDown(e, request);
    }

    /**
     * S3 failed mid-body. Before the response was committed, the representation's headers are dropped and a
     * 503 follows; after, the status is on the wire, so the exception goes to the container, which aborts the
     * connection (the client sees a truncated body, never a 500 appended to it).
     */
    @ExceptionHandler(BlobInterruptedException.class)
    ResponseEntity<Object> blobInterrupted(BlobInterruptedException e, WebRequest request)
            throws BlobInterruptedException {
        if (isCommitted(request)) {
            log.warn("Blob stream from S3 failed after the response was committed; aborting the response", e);
            throw e;
        }
        log.warn("Blob stream from S3 failed before the response was committed", e);
        return blobStoreDown(e, request);
    }

    /** Drops the status and headers set so far (a representation's ETag, Content-Length, …) unless they are sent. */
    private static void resetUncommitted(WebRequest request) {
        HttpServletResponse response = servletResponse(request);
        if (response != null && !response.isCommitted()) {
            response.reset();
        }
    }

    private static boolean isCommitted(WebRequest request) {
        HttpServletResponse response = servletResponse(request);
        return response != null && response.isCommitted();
    }

    private static HttpServletResponse servletResponse(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getResponse() : null;
    }

    /** A 503 without the representation's headers (ETag, Content-Length, …) that may already have been set. */
    private ResponseEntity<Object> blobStoreDown(Exception e, WebRequest request) {
        resetUncommitted(request);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(e, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "blob-store-unavailable",
                "Blob store unavailable", "The content could not be read from the blob store. Retry later."),
                headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /**
     * PostgreSQL is down or restarting and the view was not in the cache: 503 with Retry-After, not 500.
     * Cached views keep being served meanwhile (ChaosIT reads throughout a PostgreSQL kill).
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class})
    ResponseEntity<Object> databaseDown(Exception e, WebRequest request) {
        log.warn("Database unavailable: {}", e.toString());
        resetUncommitted(request);
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS);
        return handleExceptionInternal(e, Problems.databaseUnavailable(), headers, HttpStatus.SERVICE_UNAVAILABLE,
                request);
    }

    /**
     * The client went away while its answer was being written: a cancelled download, a player seeking, an edge
     * giving up. {@code ClientAbortException} is Tomcat's own exception for a failed read or write on the client's
     * connection, unlike a reset from S3 or PostgreSQL. Nothing can be answered any more and the origin did not
     * fail, so no 500 and no ERROR line with a stack trace; the access line records the request and the bytes sent.
     * Returning no entity tells Spring the exception is handled.
     */
    @ExceptionHandler(ClientAbortException.class)
    ResponseEntity<Object> clientWentAway(ClientAbortException e) {
        log.debug("Client went away: {}", e.toString());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("Unhandled error", e);
        return handleExceptionInternal(e, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The request failed on the server; it has been logged."),
                new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private ResponseEntity<Object> problem(HttpStatus status, String slug, String title, RuntimeException e,
                                           WebRequest request) {
        return handleExceptionInternal(e, Problems.of(status, slug, title, e.getMessage()), new HttpHeaders(),
                status, request);
    }

    /** An unmapped path: a plain detail, not Spring's ("No static resource …", "No endpoint …"). */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, noResource(status), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(
            NoHandlerFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(e, noResource(status), headers, status, request);
    }

    private static ProblemDetail noResource(HttpStatusCode status) {
        return ProblemDetail.forStatusAndDetail(status, "No resource at this path.");
    }

    /**
     * Spring's own problems (404, 405, 406, …) have no type (Spring 7 leaves it null, which means
     * {@code about:blank}): they get {@code https://origo.dev/problems/http-<status>}, as in the command-api.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
            problem.setType(URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        HttpHeaders withCaching = new HttpHeaders();
        withCaching.putAll(headers);
        withCaching.set(HttpHeaders.CACHE_CONTROL, isPrivatePath(request) ? PRIVATE_CACHE_CONTROL : "no-store");
        return super.createResponseEntity(body, withCaching, statusCode, request);
    }

    private static boolean isPrivatePath(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                && servlet.getRequest().getRequestURI().startsWith("/assets/private/");
    }
}
