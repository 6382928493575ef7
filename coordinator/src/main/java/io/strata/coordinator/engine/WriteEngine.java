package io.strata.coordinator.engine;

import io.strata.api.v1.WriteRecordsRequest;
import io.strata.api.v1.WriteRecordsResponse;
import io.strata.coordinator.write.WriteCoordinator;
import io.strata.core.error.InternalServerException;
import io.strata.core.error.RejectedRecord;
import io.strata.core.error.RejectedRecordsException;
import io.strata.core.error.ServiceUnavailableException;
import io.strata.core.error.ThrottlingException;
import io.strata.http.timestream.WriteOperations;
import io.strata.observability.RejectionReason;
import io.strata.observability.StrataMetrics;
import io.strata.observability.WriteOutcome;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * WriteRecords of one node, free of any transport, and where the write path's request metrics are
 * recorded (requests by outcome, ingest latency, rejected records by class of reason; the records
 * stored by tier are counted by {@link WriteCoordinator}, which alone sees the tiers).
 *
 * <p>{@link #submit} serves the non-blocking gRPC service, {@link #writeRecords} the HTTP endpoint's
 * worker threads; both record exactly one request per call. Both pass the node's
 * {@link WriteAdmission} first: a request beyond the node's bound of request bytes in progress is
 * answered ThrottlingException without being started. Contract (threading, ordering,
 * idempotence, errors): {@link WriteOperations}.
 */
public final class WriteEngine implements WriteOperations {
    private final WriteCoordinator coordinator;
    private final StrataMetrics metrics;
    private final LongSupplier nanoTime;
    private final WriteAdmission admission;

    /** An engine that admits every request (no bound on requests in progress). */
    public WriteEngine(WriteCoordinator coordinator, StrataMetrics metrics, LongSupplier nanoTime) {
        this(coordinator, metrics, nanoTime, new WriteAdmission(WriteAdmission.UNBOUNDED));
    }

    /**
     * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) for the latency
     * @param admission the node's bound on request bytes in progress
     */
    public WriteEngine(WriteCoordinator coordinator, StrataMetrics metrics, LongSupplier nanoTime,
            WriteAdmission admission) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.admission = Objects.requireNonNull(admission, "admission");
    }

    /** Starts the write; the future completes once it is committed, or with its StrataException. */
    public CompletableFuture<WriteRecordsResponse> submit(WriteRecordsRequest request) {
        long started = nanoTime.getAsLong();
        long requestBytes = request.getSerializedSize();
        try {
            admission.admit(requestBytes);
        } catch (ThrottlingException throttled) {
            record(throttled, nanoTime.getAsLong() - started);
            return CompletableFuture.failedFuture(throttled);
        }
        CompletableFuture<WriteRecordsResponse> written;
        try {
            written = coordinator.write(request);
        } catch (RuntimeException bug) {
            written = CompletableFuture.failedFuture(bug);
        }
        return written.whenComplete((response, failure) -> {
            admission.release(requestBytes);
            record(failure, nanoTime.getAsLong() - started);
        });
    }

    /** Blocks the calling worker until the write is committed or refused. */
    @Override
    public WriteRecordsResponse writeRecords(WriteRecordsRequest request) {
        try {
            return submit(request).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("The node is shutting down; retry the write on another node.");
        } catch (ExecutionException e) {
            throw unchecked(e.getCause());
        }
    }

    private void record(Throwable failure, long latencyNanos) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            metrics.writeRequest(WriteOutcome.SUCCESS, latencyNanos);
        } else if (cause instanceof RejectedRecordsException rejected) {
            metrics.writeRequest(WriteOutcome.REJECTED_RECORDS, latencyNanos);
            for (RejectedRecord record : rejected.rejectedRecords()) {
                metrics.recordsRejected(RejectionReason.classify(record.reason()), 1);
            }
        } else {
            metrics.writeRequest(WriteOutcome.ERROR, latencyNanos);
        }
    }

    private static RuntimeException unchecked(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new InternalServerException("The write failed unexpectedly", cause);
    }
}
