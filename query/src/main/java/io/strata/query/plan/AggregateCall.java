package io.strata.query.plan;

import io.strata.query.expression.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * One aggregate of an {@link PlanNode.Aggregate}: the function by name and argument types, the
 * input channels it reads (arguments in a single or partial step, the partial-state columns in a
 * final step) and whether it aggregates distinct values only.
 */
public record AggregateCall(String name, List<SqlType> argumentTypes, List<Integer> inputChannels, boolean distinct) {
    public AggregateCall {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        inputChannels = List.copyOf(inputChannels);
    }
}
