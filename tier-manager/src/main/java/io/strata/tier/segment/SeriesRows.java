package io.strata.tier.segment;

import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of one series handed to {@link SegmentWriter#addSeries}: times strictly increasing,
 * one version per row, and the value columns, all over the caller's own arrays (rows
 * {@code [0, rowCount)}). One object per series, none per row.
 *
 * @param measureType the series' measure: a scalar type (then exactly one column, named
 *     {@link ColumnDescriptor#singleMeasure}) or MULTI (one column per attribute)
 */
public record SeriesRows(
        SeriesKey series,
        MeasureValueType measureType,
        long[] times,
        long[] versions,
        int rowCount,
        List<ValueColumn> columns) {
    public SeriesRows {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(measureType, "measureType");
        Objects.requireNonNull(times, "times");
        Objects.requireNonNull(versions, "versions");
        columns = List.copyOf(columns);
        if (rowCount < 0 || rowCount > times.length || rowCount > versions.length) {
            throw new IllegalArgumentException("rowCount " + rowCount + " outside the time or version array");
        }
        if (measureType != MeasureValueType.MULTI
                && (columns.size() != 1 || !columns.getFirst().descriptor().equals(ColumnDescriptor.singleMeasure(measureType)))) {
            throw new IllegalArgumentException("a " + measureType + " series has exactly the column "
                    + ColumnDescriptor.singleMeasure(measureType));
        }
        Set<String> names = new HashSet<>();
        for (ValueColumn column : columns) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
            if (column.capacity() < rowCount || (column.nulls() != null && column.nulls().length < rowCount)) {
                throw new IllegalArgumentException("column '" + column.name() + "' holds fewer than " + rowCount + " rows");
            }
        }
        for (int row = 1; row < rowCount; row++) {
            if (times[row] <= times[row - 1]) {
                throw new IllegalArgumentException("times of series " + series + " are not strictly increasing at row "
                        + row + ": " + times[row - 1] + " then " + times[row]);
            }
        }
    }
}
