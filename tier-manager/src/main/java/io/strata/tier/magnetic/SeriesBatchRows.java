package io.strata.tier.magnetic;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.tier.segment.ColumnDescriptor;
import io.strata.tier.segment.SeriesRows;
import io.strata.tier.segment.ValueColumn;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a merged {@link SeriesBatch} back into the column arrays a segment writer takes, for
 * compaction and expiry rewrites. Copies values (no object per row).
 */
final class SeriesBatchRows {
    private SeriesBatchRows() {
    }

    static SeriesRows toSeriesRows(SeriesBatch batch) {
        int rows = batch.rowCount();
        long[] times = new long[rows];
        long[] versions = new long[rows];
        LongVector timeVector = (LongVector) batch.columns().column(0);
        for (int row = 0; row < rows; row++) {
            times[row] = timeVector.get(row);
            versions[row] = batch.versions().get(row);
        }
        List<ValueColumn> columns = new ArrayList<>(batch.columns().columnCount() - 1);
        for (int c = 1; c < batch.columns().columnCount(); c++) {
            ColumnVector vector = batch.columns().column(c);
            ColumnDescriptor descriptor = new ColumnDescriptor(batch.columns().names().get(c), vector.type());
            boolean[] nulls = null;
            if (vector.nulls().hasNulls()) {
                nulls = new boolean[rows];
                for (int row = 0; row < rows; row++) {
                    nulls[row] = vector.isNull(row);
                }
            }
            columns.add(switch (vector) {
                case io.strata.core.batch.ObjectVector ignored -> throw new IllegalStateException("storage holds no composite columns");
                case LongVector longs -> {
                    long[] values = new long[rows];
                    for (int row = 0; row < rows; row++) {
                        values[row] = longs.get(row);
                    }
                    yield ValueColumn.ofLongs(descriptor, values, nulls);
                }
                case DoubleVector doubles -> {
                    double[] values = new double[rows];
                    for (int row = 0; row < rows; row++) {
                        values[row] = doubles.get(row);
                    }
                    yield ValueColumn.ofDoubles(descriptor, values, nulls);
                }
                case BooleanVector booleans -> {
                    boolean[] values = new boolean[rows];
                    for (int row = 0; row < rows; row++) {
                        values[row] = booleans.get(row);
                    }
                    yield ValueColumn.ofBooleans(descriptor, values, nulls);
                }
                case VarcharVector strings -> {
                    String[] values = new String[rows];
                    for (int row = 0; row < rows; row++) {
                        values[row] = strings.get(row);
                    }
                    yield ValueColumn.ofStrings(descriptor, values, nulls);
                }
            });
        }
        return new SeriesRows(batch.series(), batch.measureType(), times, versions, rows, columns);
    }
}
