package io.strata.query.plan;

import io.strata.query.catalog.TableName;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a shard must read for one table: the columns (in this order), and what the WHERE clause
 * says about time and the partition-key columns, so storage can skip partitions and series.
 * {@code columnValues} maps a dimension (or {@code measure_name}) to the only values a row may
 * have there to pass the filter. A {@code ScanSource} may return rows that do not match — the
 * engine filters again — but must return every row that does.
 */
public record ScanSpec(TableName table, List<String> columns, TimeRange timeRange, Map<String, Set<String>> columnValues) {
    public ScanSpec {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Objects.requireNonNull(timeRange, "timeRange");
        TreeMap<String, Set<String>> copy = new TreeMap<>();
        columnValues.forEach((column, values) -> copy.put(column, Set.copyOf(values)));
        columnValues = java.util.Collections.unmodifiableMap(copy);
    }

    public ScanSpec withColumns(List<String> newColumns) {
        return new ScanSpec(table, newColumns, timeRange, columnValues);
    }

    public ScanSpec withPredicates(TimeRange newTimeRange, Map<String, Set<String>> newColumnValues) {
        return new ScanSpec(table, columns, newTimeRange, newColumnValues);
    }
}
