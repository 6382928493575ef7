package io.strata.tier.memory;

import io.strata.core.model.MeasureValueType;
import io.strata.core.model.SeriesKey;
import java.util.List;
import java.util.Objects;

/**
 * An immutable copy of some rows of one series, sorted by time with at most one row per time: the
 * unit the memory store hands out to scans and to the magnetic tier (a seal, a late write), and
 * the unit the magnetic tier hands back when scanned. Columnar, primitive arrays only, so reading
 * it row by row allocates nothing. Safe to share between threads.
 */
public final class SeriesRows {
    private final SeriesKey series;
    private final int rowCount;
    private final long[] times;
    private final long[] versions;
    private final List<Column> columns;

    /**
     * One value column. Values are longs: BIGINT and TIMESTAMP as is, DOUBLE as
     * {@link Double#doubleToRawLongBits IEEE bits}, BOOLEAN as 0/1, VARCHAR as an index into
     * {@code dictionary}. Bit {@code row % 64} of {@code present[row / 64]} is set when the row has
     * a value. The arrays are owned by the column and must not be changed.
     */
    public record Column(String name, MeasureValueType type, long[] values, long[] present, String[] dictionary) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(values, "values");
            Objects.requireNonNull(present, "present");
            if ((type == MeasureValueType.VARCHAR) != (dictionary != null)) {
                throw new IllegalArgumentException("a dictionary is given exactly for VARCHAR columns");
            }
            if (type == MeasureValueType.MULTI) {
                throw new IllegalArgumentException("a column cannot be MULTI");
            }
        }

        public boolean isPresent(int row) {
            return PresenceBits.get(present, row);
        }

        public long longValue(int row) {
            return values[row];
        }

        public double doubleValue(int row) {
            return Double.longBitsToDouble(values[row]);
        }

        public boolean booleanValue(int row) {
            return values[row] != 0;
        }

        public String stringValue(int row) {
            return dictionary[(int) values[row]];
        }

        /** Bytes the cell at {@code row} counts for: 8, or the string's UTF-8 length; 0 when absent. */
        public int cellBytes(int row) {
            if (!isPresent(row)) {
                return 0;
            }
            return type == MeasureValueType.VARCHAR ? io.strata.core.model.Utf8.encodedLength(stringValue(row)) : 8;
        }
    }

    /**
     * @param times strictly increasing, at least {@code rowCount} long; owned by the new instance
     * @param versions one per row; owned by the new instance
     * @param columns the value columns, names unique, each with at least {@code rowCount} values
     */
    public SeriesRows(SeriesKey series, int rowCount, long[] times, long[] versions, List<Column> columns) {
        this.series = Objects.requireNonNull(series, "series");
        this.times = Objects.requireNonNull(times, "times");
        this.versions = Objects.requireNonNull(versions, "versions");
        this.columns = List.copyOf(columns);
        if (rowCount < 0 || rowCount > times.length || rowCount > versions.length) {
            throw new IllegalArgumentException("rowCount " + rowCount + " outside the arrays");
        }
        this.rowCount = rowCount;
        for (int row = 1; row < rowCount; row++) {
            if (times[row] <= times[row - 1]) {
                throw new IllegalArgumentException("times must be strictly increasing at row " + row);
            }
        }
        for (Column column : this.columns) {
            if (column.values().length < rowCount) {
                throw new IllegalArgumentException("column '" + column.name() + "' is shorter than the rows");
            }
        }
    }

    public SeriesKey series() {
        return series;
    }

    public int rowCount() {
        return rowCount;
    }

    public long time(int row) {
        Objects.checkIndex(row, rowCount);
        return times[row];
    }

    public long version(int row) {
        Objects.checkIndex(row, rowCount);
        return versions[row];
    }

    public List<Column> columns() {
        return columns;
    }

    /** The index in {@link #columns()} of the column called {@code name}, or -1. */
    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The first row whose time is {@code >= timeNanos}; {@link #rowCount()} if none. */
    public int firstRowAtOrAfter(long timeNanos) {
        int low = 0;
        int high = rowCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (times[middle] < timeNanos) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    @Override
    public String toString() {
        return "SeriesRows[" + series + ", " + rowCount + " rows]";
    }
}
