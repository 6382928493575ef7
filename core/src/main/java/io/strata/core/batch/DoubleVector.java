package io.strata.core.batch;

import java.util.Arrays;
import java.util.Objects;

/** A column of DOUBLE values. */
public final class DoubleVector implements ColumnVector {
    private final double[] values;
    private final int size;
    private final NullMask nulls;

    private DoubleVector(double[] values, int size, NullMask nulls) {
        if (size < 0 || size > values.length) {
            throw new IllegalArgumentException("size " + size + " outside the array of " + values.length);
        }
        this.values = values;
        this.size = size;
        this.nulls = Objects.requireNonNull(nulls, "nulls");
    }

    /** A vector over the first {@code size} entries of {@code values}; the caller hands the array over. */
    public static DoubleVector wrap(double[] values, int size, NullMask nulls) {
        return new DoubleVector(values, size, nulls);
    }

    public static DoubleVector of(double... values) {
        return new DoubleVector(values.clone(), values.length, NullMask.NONE);
    }

    @Override
    public ColumnType type() {
        return ColumnType.DOUBLE;
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

    public double get(int row) {
        Objects.checkIndex(row, size);
        return values[row];
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof DoubleVector that) || size != that.size || !nulls.equals(that.nulls)) {
            return false;
        }
        for (int row = 0; row < size; row++) {
            if (!nulls.isNull(row) && Double.compare(values[row], that.values[row]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return size;
    }

    @Override
    public String toString() {
        return "DoubleVector[" + size + " rows]";
    }

    /** Appends into arrays kept across batches; see {@link LongVector.Builder}. Not thread-safe. */
    public static final class Builder {
        private final NullMask.Builder nulls = new NullMask.Builder();
        private double[] values;
        private int size;

        public Builder(int initialCapacity) {
            this.values = new double[Math.max(1, initialCapacity)];
        }

        public Builder append(double value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        public Builder appendNull() {
            nulls.setNull(size);
            return append(0.0);
        }

        public int size() {
            return size;
        }

        public DoubleVector build() {
            return new DoubleVector(Arrays.copyOf(values, size), size, nulls.build(size));
        }

        public void reset() {
            size = 0;
            nulls.reset();
        }
    }
}
