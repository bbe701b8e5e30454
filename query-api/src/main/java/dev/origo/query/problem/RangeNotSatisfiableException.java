package dev.origo.query.problem;

/** No range-spec of the request's {@code Range} overlaps the representation (RFC 9110 §15.5.17): a 416. */
public class RangeNotSatisfiableException extends RuntimeException {

    private final String contentRange;

    /** @param contentRange the {@code Content-Range} of the answer, {@code bytes *}{@code /<length>} */
    public RangeNotSatisfiableException(String contentRange) {
        super("no range of the request overlaps the representation (" + contentRange + ")");
        this.contentRange = contentRange;
    }

    public String contentRange() {
        return contentRange;
    }
}
