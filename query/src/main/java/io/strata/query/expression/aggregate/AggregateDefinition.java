package io.strata.query.expression.aggregate;

import io.strata.query.expression.SqlType;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** An {@link AggregateFunction} made of its signature and an accumulator factory. */
public record AggregateDefinition(
        String name, List<SqlType> argumentTypes, SqlType outputType, List<SqlType> intermediateTypes,
        Supplier<GroupedAccumulator> factory) implements AggregateFunction {
    public AggregateDefinition {
        Objects.requireNonNull(name, "name");
        argumentTypes = List.copyOf(argumentTypes);
        Objects.requireNonNull(outputType, "outputType");
        intermediateTypes = List.copyOf(intermediateTypes);
        Objects.requireNonNull(factory, "factory");
    }

    @Override
    public GroupedAccumulator createAccumulator() {
        return factory.get();
    }
}
