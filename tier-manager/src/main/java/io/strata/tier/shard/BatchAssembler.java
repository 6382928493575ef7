package io.strata.tier.shard;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.Utf8;
import io.strata.core.schema.TableColumn;
import io.strata.tier.memory.SeriesRows;
import java.util.List;

/**
 * Copies rows of {@link SeriesRows} into the projected columns of the next {@link ColumnBatch}.
 * The vector builders and the column mappings are allocated once per scan and reused for every
 * series and batch, so appending a row allocates nothing. Counts the bytes it reads. Not
 * thread-safe: one per scan.
 */
final class BatchAssembler {
    private final List<TableColumn> columns;
    private final Object[] builders;
    /** Per projected column, for the current series: a fixed string (dimension, measure name) or null. */
    private final String[] constants;
    private final int[] memoryColumns;
    private final int[] magneticColumns;
    private int constantBytes;
    private int rows;
    private long bytesScanned;

    BatchAssembler(List<TableColumn> columns, int batchRows) {
        this.columns = columns;
        this.builders = new Object[columns.size()];
        this.constants = new String[columns.size()];
        this.memoryColumns = new int[columns.size()];
        this.magneticColumns = new int[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            builders[i] = switch (columns.get(i).type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
                case BIGINT, TIMESTAMP -> new LongVector.Builder(columns.get(i).type(), batchRows);
                case DOUBLE -> new DoubleVector.Builder(batchRows);
                case BOOLEAN -> new BooleanVector.Builder(batchRows);
                case VARCHAR -> new VarcharVector.Builder(batchRows);
            };
        }
    }

    /** Prepares for rows of {@code series} from the given copies (either may be null). */
    void startSeries(SeriesKey series, SeriesRows memory, SeriesRows magnetic) {
        constantBytes = 0;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = columns.get(i);
            constants[i] = switch (column.role()) {
                case DIMENSION -> series.dimensionValue(column.name());
                case MEASURE_NAME -> series.measureName().value();
                default -> null;
            };
            if (constants[i] != null) {
                constantBytes += Utf8.encodedLength(constants[i]);
            }
            memoryColumns[i] = valueColumn(memory, column);
            magneticColumns[i] = valueColumn(magnetic, column);
        }
    }

    /** Appends row {@code row} of {@code source} (the memory copy when {@code fromMemory}). */
    void append(SeriesRows source, int row, boolean fromMemory) {
        int[] mapping = fromMemory ? memoryColumns : magneticColumns;
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = columns.get(i);
            Object builder = builders[i];
            switch (column.role()) {
                case DIMENSION, MEASURE_NAME -> appendString((VarcharVector.Builder) builder, constants[i]);
                case TIME -> ((LongVector.Builder) builder).append(source.time(row));
                case MEASURE_VALUE, MULTI_MEASURE_ATTRIBUTE -> appendValue(builder, column.type(), source, mapping[i], row);
            }
        }
        rows++;
    }

    /**
     * Appends rows {@code [from, to)} of {@code source} and counts their bytes: the same as
     * {@link #countRead} and {@link #append} row by row, a column at a time (the common case of a
     * series whose rows in range sit in one tier only).
     */
    void appendRun(SeriesRows source, int from, int to, boolean fromMemory) {
        int[] mapping = fromMemory ? memoryColumns : magneticColumns;
        long bytes = (long) constantBytes * (to - from);
        for (int i = 0; i < columns.size(); i++) {
            TableColumn column = columns.get(i);
            Object builder = builders[i];
            switch (column.role()) {
                case DIMENSION, MEASURE_NAME -> {
                    VarcharVector.Builder strings = (VarcharVector.Builder) builder;
                    if (constants[i] == null) {
                        for (int row = from; row < to; row++) {
                            strings.appendNull();
                        }
                    } else {
                        strings.appendRepeated(constants[i], to - from);
                    }
                }
                case TIME -> {
                    LongVector.Builder times = (LongVector.Builder) builder;
                    for (int row = from; row < to; row++) {
                        times.append(source.time(row));
                    }
                    bytes += (long) Long.BYTES * (to - from);
                }
                case MEASURE_VALUE, MULTI_MEASURE_ATTRIBUTE -> {
                    SeriesRows.Column values = mapping[i] < 0 ? null : source.columns().get(mapping[i]);
                    appendValues(builder, column.type(), values, from, to);
                    if (values != null) {
                        for (int row = from; row < to; row++) {
                            bytes += values.cellBytes(row);
                        }
                    }
                }
            }
        }
        bytesScanned += bytes;
        rows += to - from;
    }

    /** Counts the projected bytes of a row read (emitted or superseded by a newer version). */
    void countRead(SeriesRows source, int row, boolean fromMemory) {
        int[] mapping = fromMemory ? memoryColumns : magneticColumns;
        long bytes = constantBytes;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).role() == io.strata.core.schema.ColumnRole.TIME) {
                bytes += Long.BYTES;
            } else if (mapping[i] >= 0) {
                bytes += source.columns().get(mapping[i]).cellBytes(row);
            }
        }
        bytesScanned += bytes;
    }

    int rows() {
        return rows;
    }

    long bytesScanned() {
        return bytesScanned;
    }

    /** The rows appended since the last batch, as a batch; the builders start over. */
    ColumnBatch finishBatch() {
        ColumnBatch.Builder batch = ColumnBatch.builder(rows);
        for (int i = 0; i < columns.size(); i++) {
            Object builder = builders[i];
            switch (builder) {
                case LongVector.Builder longs -> {
                    batch.add(columns.get(i).name(), longs.build());
                    longs.reset();
                }
                case DoubleVector.Builder doubles -> {
                    batch.add(columns.get(i).name(), doubles.build());
                    doubles.reset();
                }
                case BooleanVector.Builder booleans -> {
                    batch.add(columns.get(i).name(), booleans.build());
                    booleans.reset();
                }
                case VarcharVector.Builder strings -> {
                    batch.add(columns.get(i).name(), strings.build());
                    strings.reset();
                }
                default -> throw new IllegalStateException("unknown builder " + builder);
            }
        }
        rows = 0;
        return batch.build();
    }

    private static int valueColumn(SeriesRows rows, TableColumn column) {
        if (rows == null || (column.role() != io.strata.core.schema.ColumnRole.MEASURE_VALUE
                && column.role() != io.strata.core.schema.ColumnRole.MULTI_MEASURE_ATTRIBUTE)) {
            return -1;
        }
        int index = rows.columnIndex(column.name());
        return index >= 0 && columnType(rows.columns().get(index).type()) == column.type() ? index : -1;
    }

    private static ColumnType columnType(MeasureValueType type) {
        return TableColumn.columnType(type);
    }

    private static void appendString(VarcharVector.Builder builder, String value) {
        if (value == null) {
            builder.appendNull();
        } else {
            builder.append(value);
        }
    }

    private static void appendValues(Object builder, ColumnType type, SeriesRows.Column column, int from, int to) {
        switch (type) {
            case BIGINT, TIMESTAMP -> {
                LongVector.Builder longs = (LongVector.Builder) builder;
                for (int row = from; row < to; row++) {
                    if (column != null && column.isPresent(row)) {
                        longs.append(column.longValue(row));
                    } else {
                        longs.appendNull();
                    }
                }
            }
            case DOUBLE -> {
                DoubleVector.Builder doubles = (DoubleVector.Builder) builder;
                for (int row = from; row < to; row++) {
                    if (column != null && column.isPresent(row)) {
                        doubles.append(column.doubleValue(row));
                    } else {
                        doubles.appendNull();
                    }
                }
            }
            case BOOLEAN -> {
                BooleanVector.Builder booleans = (BooleanVector.Builder) builder;
                for (int row = from; row < to; row++) {
                    if (column != null && column.isPresent(row)) {
                        booleans.append(column.booleanValue(row));
                    } else {
                        booleans.appendNull();
                    }
                }
            }
            case VARCHAR -> {
                VarcharVector.Builder strings = (VarcharVector.Builder) builder;
                for (int row = from; row < to; row++) {
                    appendString(strings, column != null && column.isPresent(row) ? column.stringValue(row) : null);
                }
            }
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
        }
    }

    private static void appendValue(Object builder, ColumnType type, SeriesRows source, int columnIndex, int row) {
        SeriesRows.Column column = columnIndex < 0 ? null : source.columns().get(columnIndex);
        boolean present = column != null && column.isPresent(row);
        switch (type) {
            case BIGINT, TIMESTAMP -> {
                LongVector.Builder longs = (LongVector.Builder) builder;
                if (present) {
                    longs.append(column.longValue(row));
                } else {
                    longs.appendNull();
                }
            }
            case DOUBLE -> {
                DoubleVector.Builder doubles = (DoubleVector.Builder) builder;
                if (present) {
                    doubles.append(column.doubleValue(row));
                } else {
                    doubles.appendNull();
                }
            }
            case BOOLEAN -> {
                BooleanVector.Builder booleans = (BooleanVector.Builder) builder;
                if (present) {
                    booleans.append(column.booleanValue(row));
                } else {
                    booleans.appendNull();
                }
            }
            case VARCHAR -> appendString((VarcharVector.Builder) builder, present ? column.stringValue(row) : null);
        }
    }
}
