package io.strata.coordinator.query;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.strata.api.v1.ErrorDetail;
import io.strata.coordinator.api.GrpcErrors;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.StrataException;
import io.strata.raft.protocol.StrataExceptionText;

/**
 * The {@link StrataException} another node answered over gRPC: read back from the
 * {@code strata-error-bin} trailer that {@link GrpcErrors} writes. A call that failed before the
 * node answered (connection refused, deadline) becomes {@link ServiceUnavailableException}, so the
 * caller may try another replica.
 */
final class RemoteErrors {
    private RemoteErrors() {}

    static StrataException of(StatusRuntimeException failure, String node) {
        ErrorDetail detail = failure.getTrailers() == null ? null : failure.getTrailers().get(GrpcErrors.ERROR_DETAIL_KEY);
        if (detail != null) {
            return StrataExceptionText.decode(detail.getErrorName() + ": " + detail.getMessage());
        }
        Status.Code code = failure.getStatus().getCode();
        if (code == Status.Code.CANCELLED) {
            return new QueryExecutionException("Query was cancelled");
        }
        return new ServiceUnavailableException("Node " + node + " did not answer: " + failure.getStatus(), failure);
    }
}
