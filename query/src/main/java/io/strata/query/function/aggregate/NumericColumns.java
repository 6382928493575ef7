package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;

/** Reads BIGINT and DOUBLE argument columns as doubles for the aggregates that compute in double. */
final class NumericColumns {
    private NumericColumns() {}

    /** The value at {@code row} as a double; the caller checked the row is not null. */
    static double doubleAt(ColumnVector vector, int row) {
        return vector instanceof DoubleVector doubles ? doubles.get(row) : ((LongVector) vector).get(row);
    }
}
