package io.strata.coordinator.engine;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.coordinator.query.QueryCoordinator;
import io.strata.http.timestream.QueryOperations;
import io.strata.observability.StrataMetrics;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The query operations of one node, free of any transport (the gRPC QueryService and the HTTP
 * endpoint both call it), over the node's {@link QueryCoordinator}; records the query metrics: one
 * latency sample per answered page, and a run's bytes scanned once, with its last page (a run a
 * client abandons before its last page adds its latencies but not its bytes).
 * Contract (threading, ordering, idempotence, errors): {@link QueryOperations}.
 */
public final class QueryEngine implements QueryOperations {
    private final QueryCoordinator coordinator;
    private final StrataMetrics metrics;
    private final LongSupplier nanoTime;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) for the latency */
    public QueryEngine(QueryCoordinator coordinator, StrataMetrics metrics, LongSupplier nanoTime) {
        this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        long started = nanoTime.getAsLong();
        QueryResponse page = coordinator.query(request);
        // The status carries the run's cumulative bytes: final, and counted, on the page without NextToken.
        long scanned = page.getNextToken().isEmpty() ? Math.max(0, page.getQueryStatus().getCumulativeBytesScanned()) : 0;
        metrics.query(nanoTime.getAsLong() - started, scanned);
        return page;
    }

    @Override
    public CancelQueryResponse cancelQuery(CancelQueryRequest request) {
        return coordinator.cancelQuery(request);
    }

    @Override
    public PrepareQueryResponse prepareQuery(PrepareQueryRequest request) {
        return coordinator.prepareQuery(request);
    }
}
