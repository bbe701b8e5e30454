package dev.origo.command.problem;

import java.util.List;

import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import dev.origo.command.blob.BlobStoreUnavailableException;
import dev.origo.command.ratelimit.RateLimitedException;
import dev.origo.command.upload.BadUploadException;
import dev.origo.command.upload.NotMultipartException;
import dev.origo.command.upload.UploadTooLargeException;
import dev.origo.common.problem.Problems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where exceptions become RFC 9457 responses. Spring's own MVC exceptions (bad JSON,
 * type mismatches, unsupported media types) are mapped by the base class; a client never sees a
 * stack trace.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail typed(ProblemException e) {
        return e.toProblem();
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ProblemDetail tooLarge(UploadTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage());
    }

    @ExceptionHandler(NotMultipartException.class)
    ProblemDetail notMultipart(NotMultipartException e) {
        return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not-multipart", "Unsupported media type", e.getMessage());
    }

    @ExceptionHandler(BadUploadException.class)
    ProblemDetail badUpload(BadUploadException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "bad-upload", "Bad upload", e.getMessage());
    }

    @ExceptionHandler(BlobStoreUnavailableException.class)
    ResponseEntity<ProblemDetail> blobStoreDown(BlobStoreUnavailableException e) {
        log.warn("Blob store unavailable", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "blob-store-unavailable",
                        "Blob store unavailable", "The blob store did not answer; nothing was stored. Retry later."));
    }

    /** PostgreSQL is down or restarting (ChaosIT kills it): 503 with Retry-After, not 500. */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            TransactionSystemException.class})
    ResponseEntity<ProblemDetail> databaseDown(Exception e) {
        log.warn("Database unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Problems.DATABASE_RETRY_AFTER_SECONDS)
                .body(Problems.databaseUnavailable());
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(e.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(typed(e));
    }

    /**
     * The client went away mid-request, most often in the middle of an upload's body. {@code ClientAbortException}
     * is Tomcat's own exception for a failed read or write on the client's connection, unlike a reset from S3 or
     * PostgreSQL. Nobody is left to read an answer and the service did not fail, so no 500 and no ERROR line with a
     * stack trace; the spool is already deleted and nothing was written. Returning no entity tells Spring the
     * exception is handled.
     */
    @ExceptionHandler(ClientAbortException.class)
    ResponseEntity<ProblemDetail> clientWentAway(ClientAbortException e) {
        log.debug("Client went away: {}", e.toString());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server; it has been logged.");
    }

    /** A path variable that is not a UUID (or any other unparsable parameter) is the client's mistake: 400. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        ProblemDetail problem = "id".equals(name) || "tokenId".equals(name) || "token_id".equals(name)
                ? Problems.of(HttpStatus.BAD_REQUEST, "malformed-id", "Malformed id",
                        "'" + e.getValue() + "' is not a UUID.")
                : Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                        "Parameter '" + name + "' has an invalid value.");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Unparsable JSON, or a field whose value has the wrong type or is out of range: a stable 400 that names the field
     * (as the client spelled it) but does not echo parser internals such as Java type names.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed body",
                malformedBodyDetail(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static String malformedBodyDetail(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String field = cause instanceof JacksonException jackson ? fieldOf(jackson) : null;
            if (field != null && cause instanceof InputCoercionException) {
                return "The value of '" + field + "' is out of range.";
            }
            if (field != null && cause instanceof MismatchedInputException) {
                return "The value of '" + field + "' has the wrong type.";
            }
        }
        return "The request body is not valid JSON for this command.";
    }

    /** The name of the innermost field the parser was reading, or null (no field, or an array element). */
    private static String fieldOf(JacksonException e) {
        List<JacksonException.Reference> path = e.getPath();
        return path.isEmpty() ? null : path.get(path.size() - 1).getPropertyName();
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

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        // Spring's own problems (404, 405, 415, …) have no type: null in Spring 7, which means about:blank.
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        if (body instanceof ProblemDetail) {
            // Content negotiation after a failed mapping (415, 406) would otherwise pick application/json.
            HttpHeaders withType = new HttpHeaders();
            withType.addAll(headers);
            withType.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            headers = withType;
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
