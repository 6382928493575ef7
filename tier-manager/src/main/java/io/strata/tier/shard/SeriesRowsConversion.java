package io.strata.tier.shard;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.tier.magnetic.SeriesBatch;
import io.strata.tier.memory.SeriesRows;
import io.strata.tier.segment.ColumnDescriptor;
import io.strata.tier.segment.ValueColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves rows between the two tiers' column layouts: the memory store's {@link SeriesRows} (values
 * as longs, presence bits, string dictionary) into the segment writer's
 * {@link io.strata.tier.segment.SeriesRows} for a seal or late write, and a magnetic scan's
 * {@link SeriesBatch}es back into {@link SeriesRows} for the shard's merge. Copies column arrays;
 * allocates per series and column, never per row. Stateless.
 */
final class SeriesRowsConversion {
    private SeriesRowsConversion() {
    }

    /** The memory rows as segment rows: one column per memory column, absent cells as nulls. */
    static io.strata.tier.segment.SeriesRows toSegment(SeriesRows rows) {
        int count = rows.rowCount();
        long[] times = new long[count];
        long[] versions = new long[count];
        for (int row = 0; row < count; row++) {
            times[row] = rows.time(row);
            versions[row] = rows.version(row);
        }
        List<ValueColumn> columns = new ArrayList<>(rows.columns().size());
        for (SeriesRows.Column column : rows.columns()) {
            columns.add(toSegmentColumn(column, count));
        }
        return new io.strata.tier.segment.SeriesRows(rows.series(), measureTypeOf(rows), times, versions, count,
                columns);
    }

    /** A single-measure series has exactly its one {@code measure_value::<type>} column; else MULTI. */
    private static MeasureValueType measureTypeOf(SeriesRows rows) {
        if (rows.columns().size() == 1) {
            SeriesRows.Column only = rows.columns().getFirst();
            if (only.name().equals(ColumnDescriptor.singleMeasureColumnName(only.type()))) {
                return only.type();
            }
        }
        return MeasureValueType.MULTI;
    }

    private static ValueColumn toSegmentColumn(SeriesRows.Column column, int count) {
        ColumnDescriptor descriptor = new ColumnDescriptor(column.name(), ColumnDescriptor.columnTypeOf(column.type()));
        boolean[] nulls = null;
        for (int row = 0; row < count; row++) {
            if (!column.isPresent(row)) {
                if (nulls == null) {
                    nulls = new boolean[count];
                }
                nulls[row] = true;
            }
        }
        return switch (column.type()) {
            case BIGINT, TIMESTAMP -> ValueColumn.ofLongs(descriptor, java.util.Arrays.copyOf(column.values(), count),
                    nulls);
            case DOUBLE -> {
                double[] values = new double[count];
                for (int row = 0; row < count; row++) {
                    values[row] = column.doubleValue(row);
                }
                yield ValueColumn.ofDoubles(descriptor, values, nulls);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[count];
                for (int row = 0; row < count; row++) {
                    values[row] = column.booleanValue(row);
                }
                yield ValueColumn.ofBooleans(descriptor, values, nulls);
            }
            case VARCHAR -> {
                String[] values = new String[count];
                for (int row = 0; row < count; row++) {
                    values[row] = column.isPresent(row) ? column.stringValue(row) : null;
                }
                yield ValueColumn.ofStrings(descriptor, values, nulls);
            }
            case MULTI -> throw new IllegalArgumentException("a column cannot be MULTI");
        };
    }

    /**
     * The rows of {@code batches} (one series, time-disjoint and ascending from batch to batch) as
     * one {@link SeriesRows}; null when they hold no row.
     */
    static SeriesRows fromBatches(SeriesKey series, List<SeriesBatch> batches) {
        int total = 0;
        Map<String, MeasureValueType> types = new LinkedHashMap<>();
        for (SeriesBatch batch : batches) {
            total += batch.rowCount();
            for (int c = 1; c < batch.columns().columnCount(); c++) {
                types.putIfAbsent(batch.columns().names().get(c), measureTypeOf(batch.columns().column(c).type()));
            }
        }
        if (total == 0) {
            return null;
        }
        long[] times = new long[total];
        long[] versions = new long[total];
        List<String> names = new ArrayList<>(types.keySet());
        long[][] values = new long[names.size()][total];
        long[][] present = new long[names.size()][(total + 63) >>> 6];
        String[][] strings = new String[names.size()][];
        for (int c = 0; c < names.size(); c++) {
            if (types.get(names.get(c)) == MeasureValueType.VARCHAR) {
                strings[c] = new String[total];
            }
        }
        int offset = 0;
        for (SeriesBatch batch : batches) {
            LongVector time = (LongVector) batch.columns().column(0);
            for (int row = 0; row < batch.rowCount(); row++) {
                times[offset + row] = time.get(row);
                versions[offset + row] = batch.versions().get(row);
            }
            for (int c = 0; c < names.size(); c++) {
                int index = batch.columns().names().indexOf(names.get(c));
                if (index < 1) {
                    continue;
                }
                ColumnVector vector = batch.columns().column(index);
                if (measureTypeOf(vector.type()) != types.get(names.get(c))) {
                    continue;
                }
                copyColumn(vector, batch.rowCount(), offset, values[c], present[c], strings[c], names.get(c));
            }
            offset += batch.rowCount();
        }
        List<SeriesRows.Column> columns = new ArrayList<>(names.size());
        for (int c = 0; c < names.size(); c++) {
            columns.add(new SeriesRows.Column(names.get(c), types.get(names.get(c)), values[c], present[c], strings[c]));
        }
        return new SeriesRows(series, total, times, versions, columns);
    }

    /** Copies one vector's cells to {@code [offset, offset + rows)}; one type test per vector, not per row. */
    private static void copyColumn(ColumnVector vector, int rows, int offset, long[] values, long[] present,
            String[] strings, String name) {
        switch (vector) {
            case LongVector longs -> {
                for (int row = 0; row < rows; row++) {
                    if (!longs.isNull(row)) {
                        markPresent(present, offset + row);
                        values[offset + row] = longs.get(row);
                    }
                }
            }
            case DoubleVector doubles -> {
                for (int row = 0; row < rows; row++) {
                    if (!doubles.isNull(row)) {
                        markPresent(present, offset + row);
                        values[offset + row] = Double.doubleToRawLongBits(doubles.get(row));
                    }
                }
            }
            case BooleanVector booleans -> {
                for (int row = 0; row < rows; row++) {
                    if (!booleans.isNull(row)) {
                        markPresent(present, offset + row);
                        values[offset + row] = booleans.get(row) ? 1 : 0;
                    }
                }
            }
            case VarcharVector varchars -> {
                for (int row = 0; row < rows; row++) {
                    if (!varchars.isNull(row)) {
                        int target = offset + row;
                        markPresent(present, target);
                        strings[target] = varchars.get(row);
                        values[target] = target;
                    }
                }
            }
            // Stored columns are scalar; composite vectors exist only inside a query.
            case io.strata.core.batch.ObjectVector composite -> throw new IllegalArgumentException(
                    "the magnetic tier cannot store the composite column '" + name + "'");
        }
    }

    private static void markPresent(long[] present, int row) {
        present[row >>> 6] |= 1L << row;
    }

    private static MeasureValueType measureTypeOf(ColumnType type) {
        return switch (type) {
            case BIGINT -> MeasureValueType.BIGINT;
            case DOUBLE -> MeasureValueType.DOUBLE;
            case VARCHAR -> MeasureValueType.VARCHAR;
            case BOOLEAN -> MeasureValueType.BOOLEAN;
            case TIMESTAMP -> MeasureValueType.TIMESTAMP;
            case ARRAY, TIMESERIES, ROW -> throw new IllegalArgumentException("no stored measure has the type " + type);
        };
    }
}
