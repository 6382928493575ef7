package io.strata.tier.segment;

import java.util.List;

/**
 * What the footer knows about one block without reading it: its time span, row count and the
 * statistics of each value column (same order as the series' columns).
 */
public record BlockStatistics(long minTime, long maxTime, int rowCount, List<ColumnStatistics> columns) {
    public BlockStatistics {
        columns = List.copyOf(columns);
        if (rowCount <= 0 || maxTime < minTime) {
            throw new IllegalArgumentException("a block holds at least one row in [minTime, maxTime]");
        }
    }
}
