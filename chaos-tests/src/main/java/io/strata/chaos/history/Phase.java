package io.strata.chaos.history;

/**
 * Where an operation stands. An invocation is followed by at most one completion; an operation
 * without completion when the history ends counts as {@link #INFO}.
 */
public enum Phase {
    INVOKE,
    /** Acknowledged: the cluster said it happened. */
    OK,
    /** Definitely did not happen (the cluster rejected it before applying anything). */
    FAIL,
    /** Outcome unknown (timeout, connection lost, node died): it may or may not have happened. */
    INFO;

    public boolean completion() {
        return this != INVOKE;
    }
}
