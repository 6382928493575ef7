package io.strata.core.error;

/** The request is invalid; nothing was stored. */
public final class ValidationException extends StrataException {
    public ValidationException(String message) {
        super(ErrorCode.VALIDATION, message);
    }

    public ValidationException(String message, Throwable cause) {
        super(ErrorCode.VALIDATION, message, cause);
    }
}
