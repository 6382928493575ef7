package io.strata.tier.segment;

import io.strata.core.batch.ColumnType;
import java.util.Objects;

/**
 * Aggregates of one column over a block (or over several blocks, {@link #merge}d): enough to answer
 * {@code count}, {@code sum}, {@code min} and {@code max} without decoding.
 *
 * <p>DOUBLE columns use the {@code double*} fields, BIGINT and TIMESTAMP columns the {@code long*}
 * fields; VARCHAR and BOOLEAN columns carry only the count. With no non-null value the minimum and
 * maximum are the identities ({@code +Inf/-Inf}, {@code Long.MAX/MIN_VALUE}). A BIGINT sum that
 * overflows 64 bits is marked {@code longSumOverflowed}; the caller must then decode.
 */
public record ColumnStatistics(
        ColumnType type,
        long nonNullCount,
        long longMin,
        long longMax,
        long longSum,
        boolean longSumOverflowed,
        double doubleMin,
        double doubleMax,
        double doubleSum) {
    public ColumnStatistics {
        Objects.requireNonNull(type, "type");
        if (nonNullCount < 0) {
            throw new IllegalArgumentException("nonNullCount must be >= 0: " + nonNullCount);
        }
    }

    /** The statistics of no values at all. */
    public static ColumnStatistics empty(ColumnType type) {
        return new ColumnStatistics(type, 0, Long.MAX_VALUE, Long.MIN_VALUE, 0, false,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0);
    }

    /** Both sets of values together. */
    public ColumnStatistics merge(ColumnStatistics other) {
        if (other.type != type) {
            throw new IllegalArgumentException("cannot merge " + type + " and " + other.type + " statistics");
        }
        long sum = longSum + other.longSum;
        boolean overflowed = longSumOverflowed || other.longSumOverflowed
                || ((longSum ^ sum) & (other.longSum ^ sum)) < 0;
        return new ColumnStatistics(type, nonNullCount + other.nonNullCount,
                Math.min(longMin, other.longMin), Math.max(longMax, other.longMax), sum, overflowed,
                Math.min(doubleMin, other.doubleMin), Math.max(doubleMax, other.doubleMax), doubleSum + other.doubleSum);
    }

    /**
     * Accumulates statistics value by value without allocating; {@link #build} snapshots them.
     * Not thread-safe; reused across blocks via {@link #reset}.
     */
    static final class Accumulator {
        private ColumnType type;
        private long count;
        private long longMin;
        private long longMax;
        private long longSum;
        private boolean overflowed;
        private double doubleMin;
        private double doubleMax;
        private double doubleSum;

        Accumulator reset(ColumnType type) {
            this.type = type;
            count = 0;
            longMin = Long.MAX_VALUE;
            longMax = Long.MIN_VALUE;
            longSum = 0;
            overflowed = false;
            doubleMin = Double.POSITIVE_INFINITY;
            doubleMax = Double.NEGATIVE_INFINITY;
            doubleSum = 0.0;
            return this;
        }

        void addLong(long value) {
            count++;
            longMin = Math.min(longMin, value);
            longMax = Math.max(longMax, value);
            long sum = longSum + value;
            overflowed |= ((longSum ^ sum) & (value ^ sum)) < 0;
            longSum = sum;
        }

        void addDouble(double value) {
            count++;
            doubleMin = Math.min(doubleMin, value);
            doubleMax = Math.max(doubleMax, value);
            doubleSum += value;
        }

        /** A value of a column without numeric statistics (VARCHAR, BOOLEAN). */
        void addOther() {
            count++;
        }

        ColumnStatistics build() {
            return new ColumnStatistics(type, count, longMin, longMax, longSum, overflowed, doubleMin, doubleMax, doubleSum);
        }
    }
}
