package io.strata.client.error;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.protobuf.ProtoUtils;
import io.strata.api.v1.ErrorDetail;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a failed gRPC call into a {@link StrataClientException}, reading the {@code strata-error-bin}
 * trailer ({@code strata.v1.ErrorDetail}) the server attaches to every error. Stateless and
 * thread-safe.
 */
public final class ErrorDecoder {
    /** The trailer carrying one serialized {@code ErrorDetail}. */
    public static final Metadata.Key<ErrorDetail> ERROR_DETAIL_KEY =
            Metadata.Key.of("strata-error-bin", ProtoUtils.metadataMarshaller(ErrorDetail.getDefaultInstance()));

    /** gRPC codes that say the request itself is wrong: sending it again cannot help. */
    private static final Set<Status.Code> FINAL_CODES = Set.of(
            Status.Code.INVALID_ARGUMENT, Status.Code.NOT_FOUND, Status.Code.ALREADY_EXISTS,
            Status.Code.PERMISSION_DENIED, Status.Code.UNAUTHENTICATED, Status.Code.FAILED_PRECONDITION,
            Status.Code.UNIMPLEMENTED, Status.Code.OUT_OF_RANGE, Status.Code.CANCELLED);

    private ErrorDecoder() {}

    /**
     * The client exception for a failure of a gRPC call. A {@link StrataClientException} is returned
     * as is; {@link CompletionException} and {@link ExecutionException} wrappers are looked through.
     */
    public static StrataClientException decode(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataClientException clientException) {
            return clientException;
        }
        Status status = Status.fromThrowable(cause);
        Metadata trailers = Status.trailersFromThrowable(cause);
        ErrorDetail detail = trailers == null ? null : trailers.get(ERROR_DETAIL_KEY);
        if (detail != null && !detail.getErrorName().isEmpty()) {
            return fromDetail(detail, status, cause);
        }
        return fromStatusAlone(status, cause);
    }

    private static StrataClientException fromDetail(ErrorDetail detail, Status status, Throwable cause) {
        String name = detail.getErrorName();
        String message = detail.getMessage().isEmpty() ? describe(status) : detail.getMessage();
        int httpStatus = detail.getHttpStatus() != 0 ? detail.getHttpStatus() : httpStatusOf(name);
        if (name.equals(StrataClientException.REJECTED_RECORDS)) {
            List<RejectedRecord> rejected = new ArrayList<>(detail.getRejectedRecordsCount());
            for (io.strata.api.v1.RejectedRecord record : detail.getRejectedRecordsList()) {
                rejected.add(new RejectedRecord(record.getRecordIndex(), record.getReason(),
                        record.hasExistingVersion() ? OptionalLong.of(record.getExistingVersion()) : OptionalLong.empty()));
            }
            return new RejectedRecordsException(message, httpStatus, rejected, cause);
        }
        return new StrataClientException(name, message, httpStatus, status.getCode(),
                StrataClientException.retryableErrorName(name), cause);
    }

    private static StrataClientException fromStatusAlone(Status status, Throwable cause) {
        String name = switch (status.getCode()) {
            case INVALID_ARGUMENT, OUT_OF_RANGE -> StrataClientException.VALIDATION;
            case NOT_FOUND -> StrataClientException.RESOURCE_NOT_FOUND;
            case ALREADY_EXISTS -> StrataClientException.CONFLICT;
            case RESOURCE_EXHAUSTED -> StrataClientException.THROTTLING;
            case PERMISSION_DENIED, UNAUTHENTICATED -> StrataClientException.ACCESS_DENIED;
            case FAILED_PRECONDITION -> StrataClientException.QUERY_EXECUTION;
            case UNAVAILABLE, DEADLINE_EXCEEDED -> StrataClientException.SERVICE_UNAVAILABLE;
            default -> StrataClientException.INTERNAL_SERVER;
        };
        return new StrataClientException(name, describe(status), httpStatusOf(name), status.getCode(),
                !FINAL_CODES.contains(status.getCode()), cause);
    }

    private static String describe(Status status) {
        String description = status.getDescription();
        return description == null || description.isEmpty() ? "gRPC status " + status.getCode() : description;
    }

    /** Timestream's HTTP status for an error name (its error page's numbers). */
    static int httpStatusOf(String errorName) {
        return switch (errorName) {
            case StrataClientException.VALIDATION, StrataClientException.QUERY_EXECUTION -> 400;
            case StrataClientException.SERVICE_QUOTA_EXCEEDED -> 402;
            case StrataClientException.ACCESS_DENIED -> 403;
            case StrataClientException.RESOURCE_NOT_FOUND -> 404;
            case StrataClientException.CONFLICT -> 409;
            case StrataClientException.REJECTED_RECORDS -> 419;
            case StrataClientException.THROTTLING -> 429;
            case StrataClientException.SERVICE_UNAVAILABLE -> 503;
            default -> 500;
        };
    }
}
