package io.strata.core.error;

/** The credentials or the signature were not accepted. */
public final class AccessDeniedException extends StrataException {
    public AccessDeniedException(String message) {
        super(ErrorCode.ACCESS_DENIED, message);
    }

    public AccessDeniedException(String message, Throwable cause) {
        super(ErrorCode.ACCESS_DENIED, message, cause);
    }
}
