package io.strata.core.error;

/** The resource already exists, or the operation conflicts with its state. */
public final class ConflictException extends StrataException {
    public ConflictException(String message) {
        super(ErrorCode.CONFLICT, message);
    }

    public ConflictException(String message, Throwable cause) {
        super(ErrorCode.CONFLICT, message, cause);
    }
}
