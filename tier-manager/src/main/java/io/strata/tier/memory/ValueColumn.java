package io.strata.tier.memory;

import io.strata.core.model.MeasureValueType;
import java.util.Arrays;

/**
 * One value column of a series: a single-measure column ({@code measure_value::double}, ...) or a
 * multi-measure attribute. Every value is a {@code long}: BIGINT and TIMESTAMP as is, DOUBLE as its
 * IEEE bits, BOOLEAN as 0/1, VARCHAR as an id in the series' {@link StringDictionary}. Rows line
 * up with the series' time array; a presence bitmap says which rows have a value. Owned by the
 * apply thread.
 */
final class ValueColumn {
    final String name;
    final MeasureValueType type;
    long[] values;
    long[] present;

    ValueColumn(String name, MeasureValueType type, int capacity) {
        this.name = name;
        this.type = type;
        this.values = new long[Math.max(4, capacity)];
        this.present = new long[(Math.max(4, capacity) + 63) >>> 6];
    }

    void ensureCapacity(int rows) {
        if (rows > values.length) {
            values = Arrays.copyOf(values, Math.max(rows, values.length * 2));
        }
        present = PresenceBits.ensureCapacity(present, rows);
    }

    boolean isPresent(int row) {
        return PresenceBits.get(present, row);
    }

    void set(int row, long value) {
        values[row] = value;
        PresenceBits.set(present, row, true);
    }

    void clear(int row) {
        values[row] = 0;
        PresenceBits.set(present, row, false);
    }

    /** Opens an absent row at {@code row}; the first {@code size} rows are in use. */
    void insertRow(int row, int size) {
        ensureCapacity(size + 1);
        System.arraycopy(values, row, values, row + 1, size - row);
        values[row] = 0;
        PresenceBits.insertClearBit(present, row);
    }

    void removeRows(int from, int to, int size) {
        System.arraycopy(values, to, values, from, size - to);
        PresenceBits.removeRange(present, size, from, to);
    }

    SeriesRows.Column copy(int from, int to, String[] dictionary) {
        long[] presentCopy = new long[((to - from) + 63) >>> 6];
        for (int row = from; row < to; row++) {
            if (isPresent(row)) {
                PresenceBits.set(presentCopy, row - from, true);
            }
        }
        return new SeriesRows.Column(name, type, Arrays.copyOfRange(values, from, to), presentCopy,
                type == MeasureValueType.VARCHAR ? dictionary : null);
    }
}
