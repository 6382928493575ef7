package io.strata.chaos.history;

import java.util.List;
import java.util.Objects;

/**
 * An invocation paired with its completion: the unit the checkers reason about.
 *
 * @param outcome {@link Phase#OK}, {@link Phase#FAIL} or {@link Phase#INFO}; an operation that never
 *     completed is {@link Phase#INFO}
 * @param completedNanos {@code Long.MAX_VALUE} when the operation never completed: it may take
 *     effect at any later point
 */
public record Operation(
        long id,
        int process,
        OperationType type,
        String series,
        RecordVersion record,
        Phase outcome,
        List<RecordVersion> observed,
        String error,
        long invokedNanos,
        long completedNanos) {

    public Operation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(series, "series");
        observed = List.copyOf(observed);
        if (!outcome.completion()) {
            throw new IllegalArgumentException("outcome must be a completion, was " + outcome);
        }
    }

    public boolean acknowledged() {
        return outcome == Phase.OK;
    }

    public boolean isWrite() {
        return type.writes();
    }
}
