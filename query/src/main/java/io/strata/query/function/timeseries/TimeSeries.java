package io.strata.query.function.timeseries;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Timestream's {@code timeseries[row(timestamp, T)]} value: points (time in nanoseconds since the
 * epoch, value) sorted by time, with T one of BIGINT, DOUBLE, BOOLEAN, VARCHAR. Values are never
 * NULL. Equal times may repeat (a series built from several source series); functions that need
 * one value per time say how they collapse them. Immutable; safe to share between threads.
 */
public final class TimeSeries {
    private final ColumnType valueType;
    private final long[] times;
    private final Object values;

    private TimeSeries(ColumnType valueType, long[] times, Object values, int valueCount) {
        if (valueType == ColumnType.TIMESTAMP) {
            throw new ValidationException("a time series holds BIGINT, DOUBLE, BOOLEAN or VARCHAR values, not TIMESTAMP");
        }
        if (times.length != valueCount) {
            throw new IllegalArgumentException(times.length + " times for " + valueCount + " values");
        }
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException("times must be sorted: " + times[i - 1] + " before " + times[i]);
            }
        }
        this.valueType = valueType;
        this.times = times;
        this.values = values;
    }

    public static TimeSeries ofDoubles(long[] times, double[] values) {
        return new TimeSeries(ColumnType.DOUBLE, times.clone(), values.clone(), values.length);
    }

    public static TimeSeries ofBigints(long[] times, long[] values) {
        return new TimeSeries(ColumnType.BIGINT, times.clone(), values.clone(), values.length);
    }

    public static TimeSeries ofBooleans(long[] times, boolean[] values) {
        return new TimeSeries(ColumnType.BOOLEAN, times.clone(), values.clone(), values.length);
    }

    public static TimeSeries ofVarchars(long[] times, String[] values) {
        for (String value : values) {
            Objects.requireNonNull(value, "time series values are never NULL");
        }
        return new TimeSeries(ColumnType.VARCHAR, times.clone(), values.clone(), values.length);
    }

    /** Wraps arrays the caller hands over (no copy); for functions in this package building results. */
    static TimeSeries wrap(ColumnType valueType, long[] times, Object values) {
        int count = switch (values) {
            case long[] longs -> longs.length;
            case double[] doubles -> doubles.length;
            case boolean[] booleans -> booleans.length;
            case String[] strings -> strings.length;
            default -> throw new IllegalArgumentException("not a value array: " + values);
        };
        return new TimeSeries(valueType, times, values, count);
    }

    public static TimeSeries empty(ColumnType valueType) {
        return wrap(valueType, new long[0], newValueArray(valueType, 0));
    }

    static Object newValueArray(ColumnType valueType, int size) {
        return switch (valueType) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalArgumentException("not defined on composite values");
            case BIGINT -> new long[size];
            case DOUBLE -> new double[size];
            case BOOLEAN -> new boolean[size];
            case VARCHAR -> new String[size];
            case TIMESTAMP -> throw new ValidationException("a time series cannot hold TIMESTAMP values");
        };
    }

    public ColumnType valueType() {
        return valueType;
    }

    public boolean isNumeric() {
        return valueType == ColumnType.BIGINT || valueType == ColumnType.DOUBLE;
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    public long time(int index) {
        return times[index];
    }

    /** A BIGINT or DOUBLE value as a double. */
    public double doubleValue(int index) {
        return switch (values) {
            case double[] doubles -> doubles[index];
            case long[] longs -> longs[index];
            default -> throw new ValidationException("a time series of " + valueType + " is not numeric");
        };
    }

    public long bigintValue(int index) {
        return ((long[]) values)[index];
    }

    public boolean booleanValue(int index) {
        return ((boolean[]) values)[index];
    }

    public String varcharValue(int index) {
        return ((String[]) values)[index];
    }

    /** The value boxed: Long, Double, Boolean or String. */
    public Object value(int index) {
        return switch (values) {
            case long[] longs -> longs[index];
            case double[] doubles -> doubles[index];
            case boolean[] booleans -> booleans[index];
            case String[] strings -> strings[index];
            default -> throw new IllegalStateException();
        };
    }

    /** A copy of the times. */
    public long[] times() {
        return times.clone();
    }

    /** Copies point {@code index}'s value into slot {@code target} of a value array of this series' type. */
    void copyValue(int index, Object target, int targetIndex) {
        System.arraycopy(values, index, target, targetIndex, 1);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TimeSeries that) || valueType != that.valueType || !Arrays.equals(times, that.times)) {
            return false;
        }
        return switch (values) {
            case long[] longs -> Arrays.equals(longs, (long[]) that.values);
            case double[] doubles -> Arrays.equals(doubles, (double[]) that.values);
            case boolean[] booleans -> Arrays.equals(booleans, (boolean[]) that.values);
            case String[] strings -> Arrays.equals(strings, (String[]) that.values);
            default -> false;
        };
    }

    @Override
    public int hashCode() {
        return 31 * valueType.hashCode() + Arrays.hashCode(times);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("TimeSeries[").append(valueType);
        for (int i = 0; i < size(); i++) {
            text.append(i == 0 ? ": " : ", ").append(times[i]).append('=').append(value(i));
        }
        return text.append(']').toString();
    }
}
