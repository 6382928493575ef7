package io.strata.core.batch;

import java.util.Arrays;
import java.util.Objects;

/** A column of 64-bit integers: BIGINT values, or TIMESTAMP values in nanoseconds since the epoch. */
public final class LongVector implements ColumnVector {
    private final ColumnType type;
    private final long[] values;
    private final int size;
    private final NullMask nulls;

    private LongVector(ColumnType type, long[] values, int size, NullMask nulls) {
        if (type != ColumnType.BIGINT && type != ColumnType.TIMESTAMP) {
            throw new IllegalArgumentException("a LongVector holds BIGINT or TIMESTAMP, not " + type);
        }
        if (size < 0 || size > values.length) {
            throw new IllegalArgumentException("size " + size + " outside the array of " + values.length);
        }
        this.type = type;
        this.values = values;
        this.size = size;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    /**
     * A vector over the first {@code size} entries of {@code values}, without copying: the caller
     * hands the array over and must not change it afterwards.
     */
    public static LongVector wrap(ColumnType type, long[] values, int size, NullMask nulls) {
        return new LongVector(type, values, size, nulls);
    }

    public static LongVector of(ColumnType type, long... values) {
        return new LongVector(type, values.clone(), values.length, NullMask.NONE);
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

    public long get(int row) {
        Objects.checkIndex(row, size);
        return values[row];
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof LongVector that) || type != that.type || size != that.size || !nulls.equals(that.nulls)) {
            return false;
        }
        for (int row = 0; row < size; row++) {
            if (!nulls.isNull(row) && values[row] != that.values[row]) {
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
        return "LongVector[" + type + ", " + size + " rows]";
    }

    /**
     * Appends values into arrays it keeps across batches: {@link #build} copies the rows out once
     * and {@link #reset} starts the next batch in the same arrays. Not thread-safe.
     */
    public static final class Builder {
        private final ColumnType type;
        private final NullMask.Builder nulls = new NullMask.Builder();
        private long[] values;
        private int size;

        public Builder(ColumnType type, int initialCapacity) {
            if (type != ColumnType.BIGINT && type != ColumnType.TIMESTAMP) {
                throw new IllegalArgumentException("a LongVector holds BIGINT or TIMESTAMP, not " + type);
            }
            this.type = type;
            this.values = new long[Math.max(1, initialCapacity)];
        }

        public Builder append(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder appendNull() {
            nulls.setNull(size);
            return append(0L);
        }

        public int size() {
            return size;
        }

        public LongVector build() {
            return new LongVector(type, Arrays.copyOf(values, size), size, nulls.build(size));
        }

        public void reset() {
            size = 0;
            nulls.reset();
        }
    }
}
