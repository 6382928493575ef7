package io.strata.core.error;

/** The node is overloaded; retry with backoff. */
public final class ThrottlingException extends StrataException {
    public ThrottlingException(String message) {
        super(ErrorCode.THROTTLING, message);
    }

    public ThrottlingException(String message, Throwable cause) {
        super(ErrorCode.THROTTLING, message, cause);
    }
}
