package io.strata.core.error;

/** A configured quota would be exceeded. */
public final class ServiceQuotaExceededException extends StrataException {
    public ServiceQuotaExceededException(String message) {
        super(ErrorCode.SERVICE_QUOTA_EXCEEDED, message);
    }

    public ServiceQuotaExceededException(String message, Throwable cause) {
        super(ErrorCode.SERVICE_QUOTA_EXCEEDED, message, cause);
    }
}
