package io.strata.core.batch;

/**
 * The type of a column as storage produces it and the query engine reads it. TIMESTAMP columns
 * (including {@code time}) hold nanoseconds since the epoch in a {@link LongVector}. ARRAY,
 * TIMESERIES and ROW are composite values the query engine computes (Timestream's
 * {@code ArrayColumnInfo}, {@code TimeSeriesMeasureValueColumnInfo}, {@code RowColumnInfo}); they
 * live in an {@link ObjectVector} and storage never holds them.
 */
public enum ColumnType {
    BIGINT,
    DOUBLE,
    VARCHAR,
    BOOLEAN,
    TIMESTAMP,
    ARRAY,
    TIMESERIES,
    ROW;

    /** Whether values of this type are composite (held in an {@link ObjectVector}). */
    public boolean isComposite() {
        return this == ARRAY || this == TIMESERIES || this == ROW;
    }
}
