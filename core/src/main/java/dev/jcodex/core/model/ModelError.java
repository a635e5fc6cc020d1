package dev.jcodex.core.model;

/**
 * A model request or stream that failed. {@code kind} is the CodexErrorInfo spelling
 * (internalServerError, responseStreamDisconnected, contextWindowExceeded, ...); {@code retryable} says
 * whether re-sending the request may help.
 */
public final class ModelError extends Exception {
    private final String kind;
    private final Integer httpStatus;
    private final boolean retryable;
    private final String details;
    private final long retryAfterMs;

    public ModelError(String kind, String message, Integer httpStatus, boolean retryable, String details) {
        this(kind, message, httpStatus, retryable, details, -1);
    }

    public ModelError(String kind, String message, Integer httpStatus, boolean retryable, String details,
                      long retryAfterMs) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.details = details;
        this.retryAfterMs = retryAfterMs;
    }

    public String kind() { return kind; }
    public Integer httpStatus() { return httpStatus; }
    public boolean retryable() { return retryable; }
    public String details() { return details; }
    /** Server-suggested delay before a retry, or -1. */
    public long retryAfterMs() { return retryAfterMs; }

    /** True when the stream broke after the request was accepted (the whole request is re-sent). */
    public boolean isStreamDisconnect() { return "responseStreamDisconnected".equals(kind); }
}
