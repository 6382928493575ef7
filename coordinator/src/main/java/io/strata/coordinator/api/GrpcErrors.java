package io.strata.coordinator.api;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.StreamObserver;
import io.strata.api.v1.ErrorDetail;
import io.strata.core.error.ErrorCode;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.error.StrataException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a failure into the gRPC answer documented in {@code errors.proto}: a status code chosen by
 * the Timestream error name, the message as description, and the {@code strata-error-bin} trailer
 * holding an {@link ErrorDetail}. Anything that is not a {@link StrataException} is a bug: it is
 * logged with its stack trace and answered as InternalServerException without internals.
 */
public final class GrpcErrors {
    public static final Metadata.Key<ErrorDetail> ERROR_DETAIL_KEY =
            Metadata.Key.of("strata-error-bin", ProtoUtils.metadataMarshaller(ErrorDetail.getDefaultInstance()));
    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    public static StatusRuntimeException toStatus(Throwable failure) {
        StrataException error = strataException(failure);
        ErrorDetail.Builder detail = ErrorDetail.newBuilder()
                .setErrorName(error.errorName())
                .setMessage(error.getMessage())
                .setHttpStatus(error.code().httpStatus());
        if (error instanceof RejectedRecordsException rejected) {
            rejected.rejectedRecords().forEach(record -> {
                io.strata.api.v1.RejectedRecord.Builder shown = detail.addRejectedRecordsBuilder()
                        .setRecordIndex(record.recordIndex())
                        .setReason(record.reason());
                record.existingVersion().ifPresent(shown::setExistingVersion);
            });
        }
        Metadata trailers = new Metadata();
        trailers.put(ERROR_DETAIL_KEY, detail.build());
        return statusOf(error.code()).withDescription(error.getMessage()).asRuntimeException(trailers);
    }

    /** Runs a blocking call and answers its value or its error on {@code observer}. */
    public static <T> void answer(StreamObserver<T> observer, Supplier<T> call) {
        T value;
        try {
            value = call.get();
        } catch (RuntimeException failure) {
            observer.onError(toStatus(failure));
            return;
        }
        observer.onNext(value);
        observer.onCompleted();
    }

    private static StrataException strataException(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof StrataException strata) {
            return strata;
        }
        LOG.error("Unexpected failure answered as InternalServerException", cause);
        return new InternalServerException("The server failed to process the request. Retry it; if the problem "
                + "persists, report it with the time of the request.");
    }

    private static Status statusOf(ErrorCode code) {
        return switch (code) {
            case VALIDATION, REJECTED_RECORDS, INVALID_ENDPOINT -> Status.INVALID_ARGUMENT;
            case RESOURCE_NOT_FOUND -> Status.NOT_FOUND;
            case CONFLICT -> Status.ALREADY_EXISTS;
            case THROTTLING, SERVICE_QUOTA_EXCEEDED -> Status.RESOURCE_EXHAUSTED;
            case ACCESS_DENIED -> Status.PERMISSION_DENIED;
            case SERVICE_UNAVAILABLE -> Status.UNAVAILABLE;
            case INTERNAL_SERVER -> Status.INTERNAL;
            case QUERY_EXECUTION -> Status.FAILED_PRECONDITION;
        };
    }
}
