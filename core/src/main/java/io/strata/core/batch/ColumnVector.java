package io.strata.core.batch;

/**
 * One column of a {@link ColumnBatch}: a primitive array of values plus a {@link NullMask}.
 * Vectors are immutable once built and may be read from any thread. A null row holds an
 * unspecified placeholder value in the array; check {@link #isNull} first.
 */
public sealed interface ColumnVector permits LongVector, DoubleVector, BooleanVector, VarcharVector,
        ObjectVector {
    ColumnType type();

    /** The number of rows. */
    int size();

    boolean isNull(int row);

    NullMask nulls();
}
