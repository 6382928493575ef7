package io.strata.core.error;

/** The cluster cannot serve the request now (no quorum, no leader); retryable. */
public final class ServiceUnavailableException extends StrataException {
    public ServiceUnavailableException(String message) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message);
    }

    public ServiceUnavailableException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_UNAVAILABLE, message, cause);
    }
}
