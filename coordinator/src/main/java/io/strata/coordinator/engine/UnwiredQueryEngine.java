package io.strata.coordinator.engine;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;
import io.strata.core.error.ValidationException;
import io.strata.http.timestream.QueryOperations;

/**
 * The query operations of a node whose query engine is not wired into the cluster yet: every call
 * answers one ValidationException saying so (over gRPC and HTTP alike), rather than an anonymous
 * "unknown operation". Stateless and thread-safe; calls have no effect.
 */
public final class UnwiredQueryEngine implements QueryOperations {
    public static final String NOT_YET = "Queries are not implemented yet in this Strata build: the query engine "
            + "has not been wired into the cluster.";

    @Override
    public QueryResponse query(QueryRequest request) {
        throw new ValidationException(NOT_YET);
    }

    @Override
    public CancelQueryResponse cancelQuery(CancelQueryRequest request) {
        throw new ValidationException(NOT_YET);
    }

    @Override
    public PrepareQueryResponse prepareQuery(PrepareQueryRequest request) {
        throw new ValidationException(NOT_YET);
    }
}
