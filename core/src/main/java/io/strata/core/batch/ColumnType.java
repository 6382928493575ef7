package io.strata.core.batch;

/**
 * The type of a column as storage produces it and the query engine reads it. TIMESTAMP columns
 * (including {@code time}) hold nanoseconds since the epoch in a {@link LongVector}.
 */
public enum ColumnType {
    BIGINT,
    DOUBLE,
    VARCHAR,
    BOOLEAN,
    TIMESTAMP
}
