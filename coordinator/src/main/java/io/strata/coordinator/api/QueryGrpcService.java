package io.strata.coordinator.api;

import io.grpc.stub.StreamObserver;
import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.api.v1.QueryServiceGrpc;
import io.strata.core.error.ValidationException;

/**
 * The public QueryService until the query engine is wired: every call answers a
 * ValidationException saying so, rather than gRPC's anonymous UNIMPLEMENTED.
 */
public final class QueryGrpcService extends QueryServiceGrpc.QueryServiceImplBase {
    static final String NOT_YET = "Queries are not implemented yet in this Strata build: the query engine has "
            + "not been wired into the cluster.";

    @Override
    public void query(QueryRequest request, StreamObserver<QueryResponse> observer) {
        observer.onError(GrpcErrors.toStatus(new ValidationException(NOT_YET)));
    }

    @Override
    public void cancelQuery(CancelQueryRequest request, StreamObserver<CancelQueryResponse> observer) {
        observer.onError(GrpcErrors.toStatus(new ValidationException(NOT_YET)));
    }

    @Override
    public void prepareQuery(PrepareQueryRequest request, StreamObserver<PrepareQueryResponse> observer) {
        observer.onError(GrpcErrors.toStatus(new ValidationException(NOT_YET)));
    }
}
