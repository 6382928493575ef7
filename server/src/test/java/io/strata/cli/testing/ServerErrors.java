package io.strata.cli.testing;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.strata.api.v1.ErrorDetail;
import io.strata.api.v1.RejectedRecord;
import java.util.List;

/** Errors as a Strata node sends them: a gRPC status plus {@code ErrorDetail} in {@code strata-error-bin}. */
public final class ServerErrors {
    private static final Metadata.Key<ErrorDetail> KEY =
            Metadata.Key.of("strata-error-bin", ProtoUtils.metadataMarshaller(ErrorDetail.getDefaultInstance()));

    private ServerErrors() {}

    public static StatusRuntimeException error(Status.Code code, ErrorDetail detail) {
        Metadata trailers = new Metadata();
        trailers.put(KEY, detail);
        return Status.fromCode(code).withDescription(detail.getMessage()).asRuntimeException(trailers);
    }

    public static StatusRuntimeException validation(String message) {
        return error(Status.Code.INVALID_ARGUMENT, ErrorDetail.newBuilder().setErrorName("ValidationException")
                .setHttpStatus(400).setMessage(message).build());
    }

    public static StatusRuntimeException conflict(String message) {
        return error(Status.Code.ALREADY_EXISTS, ErrorDetail.newBuilder().setErrorName("ConflictException")
                .setHttpStatus(409).setMessage(message).build());
    }

    public static StatusRuntimeException notFound(String message) {
        return error(Status.Code.NOT_FOUND, ErrorDetail.newBuilder().setErrorName("ResourceNotFoundException")
                .setHttpStatus(404).setMessage(message).build());
    }

    public static StatusRuntimeException rejected(List<RejectedRecord> records) {
        return error(Status.Code.INVALID_ARGUMENT, ErrorDetail.newBuilder().setErrorName("RejectedRecordsException")
                .setHttpStatus(419).setMessage("One or more records have been rejected. See RejectedRecords for details.")
                .addAllRejectedRecords(records).build());
    }
}
