package io.strata.query.plan;

import io.strata.query.expression.SqlType;
import java.util.List;
import java.util.Objects;

/**
 * One window function of a {@link PlanNode.Window}: a ranking or navigation function
 * ({@code row_number}, {@code lag}, ...) or an aggregate over a frame. {@code argumentChannels}
 * are input channels; {@code offset} is lag/lead's/ntile's constant argument.
 */
public record WindowCall(String name, List<SqlType> argumentTypes, List<Integer> argumentChannels, SqlType outputType,
                         WindowFrame frame, long offset) {
    public WindowCall {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        argumentChannels = List.copyOf(argumentChannels);
        Objects.requireNonNull(outputType, "outputType");
        Objects.requireNonNull(frame, "frame");
    }
}
