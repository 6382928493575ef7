package io.strata.tier.magnetic;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.LongVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import java.util.Objects;

/**
 * Rows of one series from a magnetic scan, in increasing time, one row per time (the newest version
 * of each record). {@code columns} holds {@code time} then the projected value columns;
 * {@code versions} the version of each row. The series' dimensions and measure name are the same
 * for every row, so they come once, in {@code series}.
 */
public record SeriesBatch(SeriesKey series, MeasureValueType measureType, LongVector versions, ColumnBatch columns) {
    public SeriesBatch {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(measureType, "measureType");
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(columns, "columns");
        if (versions.size() != columns.rowCount()) {
            throw new IllegalArgumentException(versions.size() + " versions for " + columns.rowCount() + " rows");
        }
    }

    public int rowCount() {
        return columns.rowCount();
    }
}
