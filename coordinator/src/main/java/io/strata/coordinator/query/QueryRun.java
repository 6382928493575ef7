package io.strata.coordinator.query;

import io.grpc.Context;
import io.strata.api.v1.ColumnInfo;
import io.strata.query.execution.QueryContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One query run held by the coordinator that started it: its identity (id, text digest, start),
 * its result once finished, the bytes its shards scanned so far, and what cancels it. Thread-safe:
 * the query's thread completes it while Query, CancelQuery and the expiry sweep read it.
 */
final class QueryRun {
    private final String queryId;
    private final long queryDigest;
    private final Instant started;
    private final List<ColumnInfo> columns;
    private final QueryContext context;
    private final Context.CancellableContext calls;
    private final AtomicLong bytesScanned = new AtomicLong();
    private final CompletableFuture<StatementResult> result = new CompletableFuture<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private volatile Instant finished;

    QueryRun(String queryId, long queryDigest, Instant started, List<ColumnInfo> columns, QueryContext context,
             Context.CancellableContext calls) {
        this.queryId = Objects.requireNonNull(queryId, "queryId");
        this.queryDigest = queryDigest;
        this.started = Objects.requireNonNull(started, "started");
        this.columns = List.copyOf(columns);
        this.context = context;
        this.calls = calls;
    }

    String queryId() {
        return queryId;
    }

    long queryDigest() {
        return queryDigest;
    }

    Instant started() {
        return started;
    }

    /** The result columns as the plan gives them, known before the result. */
    List<ColumnInfo> columns() {
        return columns;
    }

    AtomicLong bytesScanned() {
        return bytesScanned;
    }

    CompletableFuture<StatementResult> result() {
        return result;
    }

    /** When the run finished (result or failure), or null while it runs. */
    Instant finished() {
        return finished;
    }

    void succeed(StatementResult value, Instant at) {
        finished = at;
        result.complete(value);
    }

    void fail(Throwable failure, Instant at) {
        finished = at;
        result.completeExceptionally(failure);
    }

    boolean isCancelled() {
        return cancelled.get();
    }

    /** Cancels the run; false if it was cancelled before. */
    boolean cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return false;
        }
        if (context != null) {
            context.cancel();
        }
        if (calls != null) {
            calls.cancel(null);
        }
        return true;
    }

    /** Releases the run's deadline timer once it is done. */
    void release() {
        if (calls != null) {
            calls.cancel(null);
        }
    }
}
