package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import io.strata.core.model.BigintValue;
import io.strata.core.model.BooleanValue;
import io.strata.core.model.DoubleValue;
import io.strata.core.model.MeasureAttribute;
import io.strata.core.model.MeasureValue;
import io.strata.core.model.MeasureValueType;
import io.strata.core.model.MultiMeasure;
import io.strata.core.model.Record;
import io.strata.core.model.SeriesKey;
import io.strata.core.model.TimestampValue;
import io.strata.core.model.VarcharValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Collects the rows of one series, in increasing time, into the column arrays a
 * {@link SegmentWriter} takes: for callers that hold {@link Record}s (late magnetic writes,
 * tests) rather than columns. A MULTI series gets one column per attribute seen, in name order,
 * null where a record lacks the attribute. Not thread-safe.
 */
public final class SeriesRowsBuilder {
    private final SeriesKey series;
    private final MeasureValueType measureType;
    private final TreeMap<String, GrowingColumn> columns = new TreeMap<>();
    private long[] times = new long[16];
    private long[] versions = new long[16];
    private int rowCount;

    public SeriesRowsBuilder(SeriesKey series, MeasureValueType measureType) {
        this.series = Objects.requireNonNull(series, "series");
        this.measureType = Objects.requireNonNull(measureType, "measureType");
    }

    /** Appends a record of this series; its time must be after the previous record's. */
    public SeriesRowsBuilder add(Record record) {
        if (!record.series().equals(series)) {
            throw new IllegalArgumentException("record of " + record.series() + " added to " + series);
        }
        if (record.measure().type() != measureType) {
            throw new IllegalArgumentException("a " + record.measure().type() + " record in a " + measureType + " series");
        }
        return add(record.time(), record.version(), record.measure() instanceof MultiMeasure multi
                ? multi.attributes() : List.of(new MeasureAttribute("value", (MeasureValue) record.measure())));
    }

    private SeriesRowsBuilder add(long time, long version, List<MeasureAttribute> attributes) {
        if (rowCount > 0 && time <= times[rowCount - 1]) {
            throw new IllegalArgumentException("time " + time + " is not after " + times[rowCount - 1]);
        }
        if (rowCount == times.length) {
            times = Arrays.copyOf(times, rowCount * 2);
            versions = Arrays.copyOf(versions, rowCount * 2);
        }
        times[rowCount] = time;
        versions[rowCount] = version;
        for (MeasureAttribute attribute : attributes) {
            ColumnDescriptor descriptor = measureType == MeasureValueType.MULTI
                    ? new ColumnDescriptor(attribute.name(), ColumnDescriptor.columnTypeOf(attribute.value().type()))
                    : ColumnDescriptor.singleMeasure(measureType);
            GrowingColumn column = columns.computeIfAbsent(descriptor.name(), name -> new GrowingColumn(descriptor));
            if (column.descriptor.type() != descriptor.type()) {
                throw new IllegalArgumentException("attribute '" + descriptor.name() + "' is " + column.descriptor.type()
                        + " in this series, not " + descriptor.type());
            }
            column.set(rowCount, attribute.value());
        }
        rowCount++;
        return this;
    }

    public int rowCount() {
        return rowCount;
    }

    /** The rows so far, over this builder's arrays (do not add more while the writer reads them). */
    public SeriesRows build() {
        List<ValueColumn> built = new ArrayList<>(columns.size());
        for (GrowingColumn column : columns.values()) {
            built.add(column.toValueColumn(rowCount));
        }
        return new SeriesRows(series, measureType, times, versions, rowCount, built);
    }

    /** One column's values, null flags default true until a row sets its value. */
    private static final class GrowingColumn {
        private final ColumnDescriptor descriptor;
        private long[] longs = new long[0];
        private double[] doubles = new double[0];
        private boolean[] booleans = new boolean[0];
        private String[] strings = new String[0];
        private boolean[] present = new boolean[0];

        GrowingColumn(ColumnDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        void set(int row, MeasureValue value) {
            if (row >= present.length) {
                int capacity = Math.max(16, row * 2);
                present = Arrays.copyOf(present, capacity);
                switch (descriptor.type()) {
                    case BIGINT, TIMESTAMP -> longs = Arrays.copyOf(longs, capacity);
                    case DOUBLE -> doubles = Arrays.copyOf(doubles, capacity);
                    case BOOLEAN -> booleans = Arrays.copyOf(booleans, capacity);
                    case VARCHAR -> strings = Arrays.copyOf(strings, capacity);
                }
            }
            present[row] = true;
            switch (value) {
                case DoubleValue v -> doubles[row] = v.value();
                case BigintValue v -> longs[row] = v.value();
                case TimestampValue v -> longs[row] = v.epochNanos();
                case BooleanValue v -> booleans[row] = v.value();
                case VarcharValue v -> strings[row] = v.value();
            }
        }

        ValueColumn toValueColumn(int rowCount) {
            boolean[] nulls = null;
            for (int row = 0; row < rowCount; row++) {
                if (row >= present.length || !present[row]) {
                    if (nulls == null) {
                        nulls = new boolean[rowCount];
                    }
                    nulls[row] = true;
                }
            }
            int capacity = Math.max(rowCount, present.length);
            ColumnType type = descriptor.type();
            return switch (type) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
                case BIGINT, TIMESTAMP -> ValueColumn.ofLongs(descriptor, Arrays.copyOf(longs, capacity), nulls);
                case DOUBLE -> ValueColumn.ofDoubles(descriptor, Arrays.copyOf(doubles, capacity), nulls);
                case BOOLEAN -> ValueColumn.ofBooleans(descriptor, Arrays.copyOf(booleans, capacity), nulls);
                case VARCHAR -> ValueColumn.ofStrings(descriptor, Arrays.copyOf(strings, capacity), nulls);
            };
        }
    }
}
