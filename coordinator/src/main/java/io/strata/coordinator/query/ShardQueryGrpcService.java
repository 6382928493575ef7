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
 * cancelled) cancels the fragment at its next batch; a coordinator that reads slowly holds the
 * fragment back (flow control) instead of letting batches pile up here.
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
        Object ready = new Object();
        call.setOnCancelHandler(() -> {
            context.cancel();
            synchronized (ready) {
                ready.notifyAll();
            }
        });
        call.setOnReadyHandler(() -> {
            synchronized (ready) {
                ready.notifyAll();
            }
        });
        try {
            executor.execute(request, context, result -> {
                awaitReady(call, context, ready);
                call.onNext(result);
            });
        } catch (RuntimeException failure) {
            if (!call.isCancelled()) {
                call.onError(GrpcErrors.toStatus(failure));
            }
            return;
        }
        call.onCompleted();
    }

    /**
     * Holds the fragment while the coordinator is not reading (gRPC flow control), so a large scan
     * does not pile up in this node's send buffers. Wakes on readiness or cancellation; the
     * timed wait only guards against a missed signal.
     */
    private static void awaitReady(ServerCallStreamObserver<FragmentResult> call, QueryContext context, Object ready) {
        synchronized (ready) {
            while (!call.isReady() && !call.isCancelled()) {
                context.checkRunning();
                try {
                    ready.wait(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    context.cancel();
                    context.checkRunning();
                }
            }
        }
        context.checkRunning();
    }
}
