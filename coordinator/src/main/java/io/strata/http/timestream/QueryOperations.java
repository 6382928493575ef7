package io.strata.http.timestream;

import io.strata.api.v1.CancelQueryRequest;
import io.strata.api.v1.CancelQueryResponse;
import io.strata.api.v1.PrepareQueryRequest;
import io.strata.api.v1.PrepareQueryResponse;
import io.strata.api.v1.QueryRequest;
import io.strata.api.v1.QueryResponse;

/**
 * The engine's query operations (strata.v1 QueryService), called by the gRPC service and the
 * HTTP endpoint alike.
 *
 * <p><b>Threading:</b> called concurrently from gRPC executor threads and HTTP worker threads;
 * thread-safe; {@link #query} blocks until a page is ready (at most about a minute, the SDKs'
 * timeout for Query).
 *
 * <p><b>Ordering:</b> pages of one query run are asked for one after another with the previous
 * page's NextToken; there is no order between query runs.
 *
 * <p><b>Idempotence:</b> Query with the same ClientToken (and no NextToken) within the idempotency
 * window returns the same run; reusing a NextToken returns the same page; CancelQuery repeated
 * succeeds with a message; PrepareQuery has no effect.
 *
 * <p><b>Errors:</b> ValidationException, QueryExecutionException, ConflictException (polling a
 * cancelled query), ThrottlingException, ServiceUnavailableException.
 */
public interface QueryOperations {
    QueryResponse query(QueryRequest request);

    CancelQueryResponse cancelQuery(CancelQueryRequest request);

    PrepareQueryResponse prepareQuery(PrepareQueryRequest request);
}
