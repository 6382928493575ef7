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
 * The public QueryService: each call is answered by the node's {@link QueryOperations}
 * (the {@code QueryCoordinator}) on the gRPC call's thread (Query blocks up to the coordinator's
 * page wait); errors follow {@link GrpcErrors}.
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
