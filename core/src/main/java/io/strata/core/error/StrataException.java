package io.strata.core.error;

import java.util.Objects;

/**
 * An error a user sees: a Timestream error name plus a message they can act on. Every failure
 * that crosses the API boundary is one of these; anything else is a bug and surfaces as
 * {@link ErrorCode#INTERNAL_SERVER} without a stack trace.
 */
public class StrataException extends RuntimeException {
    private final ErrorCode code;

    public StrataException(ErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public StrataException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    public String errorName() {
        return code.errorName();
    }

    @Override
    public String toString() {
        return code.errorName() + ": " + getMessage();
    }
}
