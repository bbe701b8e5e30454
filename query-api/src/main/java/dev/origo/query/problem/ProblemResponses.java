package dev.origo.query.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.origo.query.blob.BlobUnavailableException;

/** The one place where exceptions become RFC 9457 responses; a client never sees a stack trace. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @ExceptionHandler(MalformedIdException.class)
    ProblemDetail malformedId(MalformedIdException e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-id", "Malformed id", e.getMessage());
    }

    @ExceptionHandler(AssetNotFoundException.class)
    ProblemDetail notFound(AssetNotFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "asset-not-found", "Asset not found", e.getMessage());
    }

    @ExceptionHandler(PreconditionFailedException.class)
    ProblemDetail preconditionFailed(PreconditionFailedException e) {
        return Problems.of(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                e.getMessage());
    }

    @ExceptionHandler(BlobUnavailableException.class)
    ResponseEntity<ProblemDetail> blobUnavailable(BlobUnavailableException e) {
        log.warn("Blob store unavailable", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "blob-store-unavailable", "Blob store unavailable",
                        "The content could not be read from the blob store. Retry later."));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unhandled error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request failed on the server; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && "about:blank".equals(String.valueOf(problem.getType()))) {
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }
}
