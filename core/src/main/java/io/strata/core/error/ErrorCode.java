package io.strata.core.error;

/**
 * Timestream's error vocabulary, shared by the gRPC API and the HTTP endpoint.
 *
 * <p>{@link #errorName()} is the string Timestream puts in {@code __type} (and Strata in the gRPC
 * error detail); {@link #httpStatus()} is the status Timestream answers for it (the error page's
 * numbers, which real traffic matches: 419 for rejected records).
 */
public enum ErrorCode {
    VALIDATION("ValidationException", 400),
    REJECTED_RECORDS("RejectedRecordsException", 419),
    RESOURCE_NOT_FOUND("ResourceNotFoundException", 404),
    CONFLICT("ConflictException", 409),
    THROTTLING("ThrottlingException", 429),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 402),
    ACCESS_DENIED("AccessDeniedException", 403),
    INVALID_ENDPOINT("InvalidEndpointException", 421),
    QUERY_EXECUTION("QueryExecutionException", 400),
    INTERNAL_SERVER("InternalServerException", 500),
    /** Not in Timestream's list: the cluster cannot reach a quorum. Retryable, like a 5xx. */
    SERVICE_UNAVAILABLE("ServiceUnavailableException", 503);

    private final String errorName;
    private final int httpStatus;

    ErrorCode(String errorName, int httpStatus) {
        this.errorName = errorName;
        this.httpStatus = httpStatus;
    }

    public String errorName() {
        return errorName;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Whether a client may retry the same request unchanged and expect a different outcome. */
    public boolean retryable() {
        return this == THROTTLING || this == INTERNAL_SERVER || this == SERVICE_UNAVAILABLE;
    }

    /** The code whose {@link #errorName()} is {@code name}, or {@link #INTERNAL_SERVER} if none. */
    public static ErrorCode fromErrorName(String name) {
        for (ErrorCode code : values()) {
            if (code.errorName.equals(name)) {
                return code;
            }
        }
        return INTERNAL_SERVER;
    }
}
