package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import java.util.Objects;

/**
 * One value column of a series handed to {@link SegmentWriter}: the caller's own primitive array,
 * not copied, plus an optional null flag per row. Exactly one of the value arrays is set, the one
 * that matches the type: {@code longs} for BIGINT and TIMESTAMP (nanoseconds), {@code doubles},
 * {@code booleans}, {@code strings}. A null row's value is ignored (a null string is allowed there).
 *
 * <p>The arrays stay the caller's: the writer reads them during {@link SegmentWriter#addSeries} and
 * keeps no reference afterwards, so a memory store can hand over its column chunks as they are.
 *
 * @param nulls {@code nulls[row]} is true when the row has no value; null when no row is null
 */
public record ValueColumn(
        ColumnDescriptor descriptor,
        long[] longs,
        double[] doubles,
        boolean[] booleans,
        String[] strings,
        boolean[] nulls) {
    public ValueColumn {
        Objects.requireNonNull(descriptor, "descriptor");
        int arrays = (longs != null ? 1 : 0) + (doubles != null ? 1 : 0) + (booleans != null ? 1 : 0)
                + (strings != null ? 1 : 0);
        boolean matches = switch (descriptor.type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
            case BIGINT, TIMESTAMP -> longs != null;
            case DOUBLE -> doubles != null;
            case BOOLEAN -> booleans != null;
            case VARCHAR -> strings != null;
        };
        if (arrays != 1 || !matches) {
            throw new IllegalArgumentException("column '" + descriptor.name() + "' of type " + descriptor.type()
                    + " needs exactly its own value array");
        }
    }

    public static ValueColumn ofLongs(ColumnDescriptor descriptor, long[] values, boolean[] nulls) {
        return new ValueColumn(descriptor, values, null, null, null, nulls);
    }

    public static ValueColumn ofDoubles(ColumnDescriptor descriptor, double[] values, boolean[] nulls) {
        return new ValueColumn(descriptor, null, values, null, null, nulls);
    }

    public static ValueColumn ofBooleans(ColumnDescriptor descriptor, boolean[] values, boolean[] nulls) {
        return new ValueColumn(descriptor, null, null, values, null, nulls);
    }

    public static ValueColumn ofStrings(ColumnDescriptor descriptor, String[] values, boolean[] nulls) {
        return new ValueColumn(descriptor, null, null, null, values, nulls);
    }

    public String name() {
        return descriptor.name();
    }

    public ColumnType type() {
        return descriptor.type();
    }

    /** Whether {@code row} has no value. */
    public boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    /** Rows the value array can hold. */
    int capacity() {
        return switch (descriptor.type()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalStateException("storage holds no composite columns");
            case BIGINT, TIMESTAMP -> longs.length;
            case DOUBLE -> doubles.length;
            case BOOLEAN -> booleans.length;
            case VARCHAR -> strings.length;
        };
    }
}
