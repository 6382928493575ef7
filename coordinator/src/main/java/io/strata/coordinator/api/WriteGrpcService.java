package io.strata.coordinator.api;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.coordinator.write.WriteCoordinator;
import java.util.Objects;

/** The public WriteService: answers once the write is committed (see {@link WriteCoordinator}). */
public final class WriteGrpcService extends WriteServiceGrpc.WriteServiceImplBase {
    private final WriteCoordinator writes;

    public WriteGrpcService(WriteCoordinator writes) {
        this.writes = Objects.requireNonNull(writes, "writes");
    }

    @Override
    public void writeRecords(WriteRecordsRequest request, StreamObserver<WriteRecordsResponse> observer) {
        writes.write(request).whenComplete((response, failure) -> {
            if (failure != null) {
                observer.onError(GrpcErrors.toStatus(failure));
            } else {
                observer.onNext(response);
                observer.onCompleted();
            }
        });
    }
}
