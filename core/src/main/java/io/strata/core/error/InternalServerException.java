package io.strata.core.error;

/** An unexpected failure inside Strata; retryable. */
public final class InternalServerException extends StrataException {
    public InternalServerException(String message) {
        super(ErrorCode.INTERNAL_SERVER, message);
    }

    public InternalServerException(String message, Throwable cause) {
        super(ErrorCode.INTERNAL_SERVER, message, cause);
    }
}
