package io.strata.core.schema;

/** What a column of a Timestream table holds. */
public enum ColumnRole {
    DIMENSION,
    MEASURE_NAME,
    TIME,
    /** A {@code measure_value::<type>} column of single-measure records. */
    MEASURE_VALUE,
    /** A column of a multi-measure attribute. */
    MULTI_MEASURE_ATTRIBUTE
}
