package io.strata.coordinator.query;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.strata.coordinator.api.GrpcErrors;
import io.strata.internal.v1.FragmentRequest;
import io.strata.internal.v1.FragmentResult;
import io.strata.internal.v1.ShardQueryServiceGrpc;
import io.strata.query.execution.QueryContext;
import io.strata.query.execution.QueryLimits;
import io.strata.raft.query.ShardFragmentExecutor;
import java.time.Clock;
import java.util.Objects;

/**
 * The internal {@code ShardQueryService} on a node's gRPC server (the same server as the public
 * API, so a node publishes one gRPC address): runs each call through {@link ShardFragmentExecutor}
 * on the call's thread, with the node's per-query limits, and answers errors with the public
 * {@code strata-error-bin} convention. A cancelled call (the coordinator gave up or the query was
 * cancelled) cancels the fragment at its next batch.
 */
public final class ShardQueryGrpcService extends ShardQueryServiceGrpc.ShardQueryServiceImplBase {
    private final ShardFragmentExecutor executor;
    private final Clock clock;
    private final QueryLimits limits;

    public ShardQueryGrpcService(ShardFragmentExecutor executor, Clock clock, QueryLimits limits) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    @Override
    public void executeFragment(FragmentRequest request, StreamObserver<FragmentResult> observer) {
        ServerCallStreamObserver<FragmentResult> call = (ServerCallStreamObserver<FragmentResult>) observer;
        QueryContext context = new QueryContext(clock, limits);
        call.setOnCancelHandler(context::cancel);
        try {
            executor.execute(request, context, call::onNext);
        } catch (RuntimeException failure) {
            if (!call.isCancelled()) {
                call.onError(GrpcErrors.toStatus(failure));
            }
            return;
        }
        call.onCompleted();
    }
}
