package io.strata.coordinator.api;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.coordinator.engine.WriteEngine;
import java.util.Objects;

/**
 * The public WriteService: a thin, non-blocking gRPC adapter over the node's {@link WriteEngine}
 * (which the Timestream HTTP endpoint calls too); answers once the write is committed.
 */
public final class WriteGrpcService extends WriteServiceGrpc.WriteServiceImplBase {
    private final WriteEngine writes;

    public WriteGrpcService(WriteEngine writes) {
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    @Override
    public void writeRecords(WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> observer) {
        writes.submit(request).whenComplete((response, failure) -> {
            if (failure != null) {
                observer.onError(GrpcErrors.toStatus(failure));
            } else {
                observer.onNext(response);
                observer.onCompleted();
            }
        });
    }
}
