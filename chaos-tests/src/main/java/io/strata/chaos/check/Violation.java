package io.strata.chaos.check;

import java.util.List;
import java.util.Objects;

/**
 * One thing the cluster did wrong, with the evidence: the ids of the operations in the history
 * that show it (open the history file at those ids to see the invocations and completions).
 */
public record Violation(ViolationKind kind, String description, List<Long> operationIds) {
    public Violation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        operationIds = List.copyOf(operationIds);
    }

    @Override
    public String toString() {
        return kind + ": " + description + " (operations " + operationIds + ")";
    }
}
