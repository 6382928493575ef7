package io.strata.client.testing;

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

    public static StatusRuntimeException error(Status.Code code, String errorName, int httpStatus, String message) {
        return error(code, ErrorDetail.newBuilder().setErrorName(errorName).setHttpStatus(httpStatus).setMessage(message).build());
    }

    public static StatusRuntimeException error(Status.Code code, ErrorDetail detail) {
        Metadata trailers = new Metadata();
        trailers.put(KEY, detail);
        return Status.fromCode(code).withDescription(detail.getMessage()).asRuntimeException(trailers);
    }

    public static StatusRuntimeException throttling() {
        return error(Status.Code.RESOURCE_EXHAUSTED, "ThrottlingException", 429, "Rate exceeded");
    }

    public static StatusRuntimeException validation(String message) {
        return error(Status.Code.INVALID_ARGUMENT, "ValidationException", 400, message);
    }

    public static StatusRuntimeException rejected(List<RejectedRecord> records) {
        return error(Status.Code.INVALID_ARGUMENT, ErrorDetail.newBuilder()
                .setErrorName("RejectedRecordsException").setHttpStatus(419)
                .setMessage("One or more records have been rejected. See RejectedRecords for details.")
                .addAllRejectedRecords(records).build());
    }
}
