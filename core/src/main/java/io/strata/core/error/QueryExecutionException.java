package io.strata.core.error;

/** A query failed while running (not a syntax or analysis error). */
public final class QueryExecutionException extends StrataException {
    public QueryExecutionException(String message) {
        super(ErrorCode.QUERY_EXECUTION, message);
    }

    public QueryExecutionException(String message, Throwable cause) {
        super(ErrorCode.QUERY_EXECUTION, message, cause);
    }
}
