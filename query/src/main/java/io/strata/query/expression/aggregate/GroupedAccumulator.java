package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import java.util.List;

/**
 * The states of one aggregate for every group of a hash aggregation, kept in primitive arrays
 * indexed by group id (no object per row or, for numeric states, per group). Group ids are dense,
 * {@code 0..groupCount-1}; a call may introduce new ids up to {@code groupCount - 1}. Not thread-safe.
 */
public interface GroupedAccumulator {
    /** Adds rows {@code 0..rowCount-1} of the argument vectors to the groups {@code groupIds[row]}. */
    void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount);

    /** Merges partial states (in {@link AggregateFunction#intermediateTypes} columns) into the groups. */
    void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount);

    /** The partial states of groups {@code 0..groupCount-1}. */
    List<ColumnVector> intermediate(int groupCount);

    /** The final values of groups {@code 0..groupCount-1}. */
    ColumnVector result(int groupCount);

    /** Bytes held, for the query's memory budget. */
    long estimatedBytes();
}
