package io.strata.query.plan;

import java.util.List;
import java.util.Objects;

/** A planned query: the root node and the names of its result columns. */
public record QueryPlan(PlanNode root, List<String> columnNames) {
    public QueryPlan {
        Objects.requireNonNull(root, "root");
        columnNames = List.copyOf(columnNames);
        if (columnNames.size() != root.outputTypes().size()) {
            throw new IllegalArgumentException(columnNames.size() + " names for " + root.outputTypes().size() + " columns");
        }
    }
}
