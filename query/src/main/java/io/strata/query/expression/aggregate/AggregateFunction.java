package io.strata.query.expression.aggregate;

import io.strata.query.expression.SqlType;
import java.util.List;

/**
 * An aggregate function bound to argument types. It runs in one step ({@code addInput} then
 * {@code result}) or split in two: shards run {@code addInput} and ship {@code intermediate}
 * columns, the coordinator runs {@code addIntermediate} for every shard's rows then {@code result}.
 * Merging intermediates is commutative and associative, so shard order does not matter.
 * Implementations are immutable and thread-safe; their accumulators are not.
 */
public interface AggregateFunction {
    String name();

    List<SqlType> argumentTypes();

    SqlType outputType();

    /** The columns of the partial state one group ships between steps. */
    List<SqlType> intermediateTypes();

    GroupedAccumulator createAccumulator();
}
