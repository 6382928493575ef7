package io.strata.core.batch;

import java.util.Arrays;
import java.util.Objects;

/**
 * A column of composite values — arrays, time series, rows — one immutable Java object per row.
 * Core does not know their classes: the query engine chooses them (an unmodifiable
 * {@code java.util.List} for arrays and rows, its own time-series class) and promises they are
 * immutable, so the vector is too and may be read from any thread. A null row holds null.
 */
public final class ObjectVector implements ColumnVector {
    private final ColumnType type;
    private final Object[] values;
    private final int size;
    private final NullMask nulls;

    private ObjectVector(ColumnType type, Object[] values, int size, NullMask nulls) {
        if (!Objects.requireNonNull(type, "type").isComposite()) {
            throw new IllegalArgumentException("an ObjectVector holds ARRAY, TIMESERIES or ROW, not " + type);
        }
        if (size < 0 || size > values.length) {
            throw new IllegalArgumentException("size " + size + " outside the array of " + values.length);
        }
        this.type = type;
        this.values = values;
        this.size = size;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
        for (int row = 0; row < size; row++) {
            if ((values[row] == null) != nulls.isNull(row)) {
                throw new IllegalArgumentException("row " + row + " is null in the mask but not the array, or the reverse");
            }
        }
    }

    /** A vector of these values, a null element being a null row; the array is copied. */
    public static ObjectVector of(ColumnType type, Object... values) {
        Builder builder = new Builder(type, values.length);
        for (Object value : values) {
            builder.append(value);
        }
        return builder.build();
    }

    @Override
    public ColumnType type() {
        return type;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isNull(int row) {
        Objects.checkIndex(row, size);
        return nulls.isNull(row);
    }

    @Override
    public NullMask nulls() {
        return nulls;
    }

    /** The value of {@code row}, or null if the row is null. */
    public Object get(int row) {
        Objects.checkIndex(row, size);
        return values[row];
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ObjectVector that) || type != that.type || size != that.size || !nulls.equals(that.nulls)) {
            return false;
        }
        for (int row = 0; row < size; row++) {
            if (!Objects.equals(values[row], that.values[row])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + size;
    }

    @Override
    public String toString() {
        return "ObjectVector[" + type + ", " + size + " rows]";
    }

    /** Appends into an array kept across batches ({@link #reset}). Not thread-safe. */
    public static final class Builder {
        private final ColumnType type;
        private final NullMask.Builder nulls = new NullMask.Builder();
        private Object[] values;
        private int size;

        public Builder(ColumnType type, int initialCapacity) {
            if (!Objects.requireNonNull(type, "type").isComposite()) {
                throw new IllegalArgumentException("an ObjectVector holds ARRAY, TIMESERIES or ROW, not " + type);
            }
            this.type = type;
            this.values = new Object[Math.max(1, initialCapacity)];
        }

        /** Appends {@code value}, which must be immutable; null appends a null row. */
        public Builder append(Object value) {
            if (value == null) {
                nulls.setNull(size);
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder appendNull() {
            return append(null);
        }

        public int size() {
            return size;
        }

        public ObjectVector build() {
            return new ObjectVector(type, Arrays.copyOf(values, size), size, nulls.build(size));
        }

        public void reset() {
            Arrays.fill(values, 0, size, null);
            size = 0;
            nulls.reset();
        }
    }
}
