package io.strata.coordinator.api;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.http.timestream.QueryOperations;
import java.util.Objects;

/**
 * The public QueryService: a thin gRPC adapter over the node's {@link QueryOperations} engine, which
 * the Timestream HTTP endpoint calls too. Calls block a gRPC executor thread until a page is ready;
 * errors are answered through {@link GrpcErrors}.
 */
public final class QueryGrpcService extends QueryServiceGrpc.QueryServiceImplBase {
    private final QueryOperations queries;

    public QueryGrpcService(QueryOperations queries) {
        this.queries = Objects.requireNonNull(queries, "queries");
    }

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> observer) {
        GrpcErrors.answer(observer, () -> queries.query(request));
    }

    @Override
    public void cancelQuery(CancelQueryRequest request, StreamObserver<CancelQueryResponse> observer) {
        GrpcErrors.answer(observer, () -> queries.cancelQuery(request));
    }

    @Override
    public void prepareQuery(PrepareQueryRequest request, StreamObserver<PrepareQueryResponse> observer) {
        GrpcErrors.answer(observer, () -> queries.prepareQuery(request));
    }
}
