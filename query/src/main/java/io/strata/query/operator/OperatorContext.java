package io.strata.query.operator;

/**
 * What operators report to and check with the query running them: whether to stop (cancelled or
 * past the deadline) and how much memory their hash tables and sort buffers hold. Called from the
 * one thread driving the operators of a query (or of a fragment). Implementations throw
 * {@link io.strata.core.error.QueryExecutionException} with a message for the user.
 */
public interface OperatorContext {
    /** Throws if the query was cancelled or ran out of time; called once per batch. */
    void checkRunning();

    /** Records a change in the bytes an operator holds; throws when the budget is exceeded. */
    void adjustMemory(long deltaBytes);
}
