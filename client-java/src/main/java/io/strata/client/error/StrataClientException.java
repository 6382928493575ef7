package io.strata.client.error;

import io.grpc.Status;
import java.util.Objects;
import java.util.Set;

/**
 * A failed Strata call as the client sees it: Timestream's error name (the server's
 * {@code ErrorDetail.error_name}, e.g. {@code "ThrottlingException"}), its message, the HTTP status
 * Timestream answers for it, the gRPC status code it travelled with, and whether retrying the same
 * request unchanged may succeed.
 *
 * <p>Failures without an error detail (transport failures, deadlines) get the Timestream name that
 * matches their gRPC code ({@code UNAVAILABLE} is a {@code ServiceUnavailableException}); they are
 * retryable like a 5xx, except for codes that say the request itself is wrong.
 *
 * <p>Immutable and safe to share between threads.
 */
public class StrataClientException extends RuntimeException {
    /** Request-level problem; nothing was stored. Not retryable. */
    public static final String VALIDATION = "ValidationException";
    /** Some records of a WriteRecords request were not stored; the others were. Not retryable. */
    public static final String REJECTED_RECORDS = "RejectedRecordsException";
    /** The database, table or query does not exist. */
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    /** The resource exists already, or the query was cancelled. */
    public static final String CONFLICT = "ConflictException";
    /** Too many requests; retryable after a pause. */
    public static final String THROTTLING = "ThrottlingException";
    /** An account quota (500 databases, ...) is reached. */
    public static final String SERVICE_QUOTA_EXCEEDED = "ServiceQuotaExceededException";
    /** The caller may not do this. */
    public static final String ACCESS_DENIED = "AccessDeniedException";
    /** The query failed while running. */
    public static final String QUERY_EXECUTION = "QueryExecutionException";
    /** The server failed; retryable. */
    public static final String INTERNAL_SERVER = "InternalServerException";
    /** The node or cluster cannot serve the call now (no quorum, node down); retryable. */
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailableException";

    private static final Set<String> RETRYABLE_NAMES = Set.of(THROTTLING, INTERNAL_SERVER, SERVICE_UNAVAILABLE);

    private final String errorName;
    private final int httpStatus;
    private final Status.Code grpcCode;
    private final boolean retryable;

    /**
     * @param errorName Timestream's error name
     * @param message the server's message, meant for a user
     * @param httpStatus the HTTP status Timestream answers for this error
     * @param grpcCode the gRPC status code of the failed call
     * @param retryable whether the same request may succeed when sent again
     * @param cause the gRPC failure, or {@code null}
     */
    public StrataClientException(String errorName, String message, int httpStatus, Status.Code grpcCode,
            boolean retryable, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.errorName = Objects.requireNonNull(errorName, "errorName");
        this.httpStatus = httpStatus;
        this.grpcCode = Objects.requireNonNull(grpcCode, "grpcCode");
        this.retryable = retryable;
    }

    /** Whether an error of this name may go away when the same request is sent again. */
    public static boolean retryableErrorName(String errorName) {
        return RETRYABLE_NAMES.contains(errorName);
    }

    /** Timestream's error name, e.g. {@code "ValidationException"}. */
    public String errorName() {
        return errorName;
    }

    /** Whether this error has the given Timestream name. */
    public boolean is(String name) {
        return errorName.equals(name);
    }

    /** The HTTP status Timestream answers for this error (400, 404, 419, 429, 500, 503 ...). */
    public int httpStatus() {
        return httpStatus;
    }

    /** The gRPC status code the call ended with. */
    public Status.Code grpcCode() {
        return grpcCode;
    }

    /**
     * Whether sending the same request again may succeed: throttling, server errors, an unavailable
     * node or cluster, a deadline. Never true for validation errors or rejected records.
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether the node that answered is unusable (gRPC {@code UNAVAILABLE}: dead, unreachable,
     * shutting down, or without quorum), so that another endpoint should be tried.
     */
    public boolean endpointUnavailable() {
        return grpcCode == Status.Code.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return errorName + " (HTTP " + httpStatus + ", gRPC " + grpcCode + "): " + getMessage();
    }
}
