package io.strata.tier.shard;

import io.strata.core.error.ValidationException;
import io.strata.core.schema.TableColumn;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a query fragment reads from one shard: one table's rows in a time range, restricted by
 * dimension and measure-name predicates, projected onto some columns.
 *
 * @param tableId the table incarnation to read
 * @param columns the output columns in order, with the types the table schema gives them; a
 *     value column a series does not have reads as NULL
 * @param fromNanos first time included
 * @param toNanos last time included
 * @param dimensionValues per dimension name, the accepted values (equality: one value; IN: several).
 *     A series without the dimension never matches.
 * @param measureNames accepted measure names; empty accepts all
 * @param batchRows rows per {@code ColumnBatch} at most
 */
public record ScanRequest(String tableId, List<TableColumn> columns, long fromNanos, long toNanos,
        Map<String, Set<String>> dimensionValues, Set<String> measureNames, int batchRows) {
    public static final int DEFAULT_BATCH_ROWS = 4096;

    public ScanRequest {
        Objects.requireNonNull(tableId, "tableId");
        columns = List.copyOf(columns);
        dimensionValues = Map.copyOf(dimensionValues);
        measureNames = Set.copyOf(measureNames);
        Set<String> names = new HashSet<>();
        for (TableColumn column : columns) {
            if (!names.add(column.name())) {
                throw new ValidationException("Column '" + column.name() + "' is projected twice.");
            }
        }
        if (fromNanos > toNanos) {
            throw new ValidationException("The scan's time range is empty: " + fromNanos + " > " + toNanos + ".");
        }
        if (batchRows <= 0) {
            throw new IllegalArgumentException("batchRows must be positive, was " + batchRows);
        }
    }

    /** Every row of the table, projected onto {@code columns}. */
    public static ScanRequest all(String tableId, List<TableColumn> columns) {
        return new ScanRequest(tableId, columns, 0, Long.MAX_VALUE, Map.of(), Set.of(), DEFAULT_BATCH_ROWS);
    }
}
