package io.strata.tier.segment;

import java.util.Objects;

/**
 * {@code count(*)} and one column's count/sum/min/max over a series' rows in a time range, and how
 * they were obtained: blocks entirely inside the range answer from their statistics; only blocks
 * cut by the range are decoded.
 */
public record RangeAggregate(long rowCount, ColumnStatistics column, int blocksFromStatistics, int blocksDecoded) {
    public RangeAggregate {
        Objects.requireNonNull(column, "column");
    }
}
