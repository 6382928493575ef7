package io.strata.query.function.timeseries;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;

/**
 * {@code CROSS JOIN UNNEST(ts) AS t(time, value)}: a series' points as rows. The engine repeats the
 * outer row's columns {@link TimeSeries#size()} times and appends these. Thread-safe.
 */
public final class TimeSeriesUnnest {
    private TimeSeriesUnnest() {}

    /** The {@code time} column: TIMESTAMP nanoseconds, one row per point. */
    public static LongVector times(TimeSeries series) {
        return LongVector.of(ColumnType.TIMESTAMP, series.times());
    }

    /** The {@code value} column, typed as the series' values. */
    public static ColumnVector values(TimeSeries series) {
        int size = series.size();
        return switch (series.valueType()) {
            case ARRAY, TIMESERIES, ROW -> throw new IllegalArgumentException("not defined on composite values");
            case BIGINT -> {
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = series.bigintValue(i);
                }
                yield LongVector.of(ColumnType.BIGINT, values);
            }
            case DOUBLE -> {
                double[] values = new double[size];
                for (int i = 0; i < size; i++) {
                    values[i] = series.doubleValue(i);
                }
                yield DoubleVector.of(values);
            }
            case BOOLEAN -> {
                boolean[] values = new boolean[size];
                for (int i = 0; i < size; i++) {
                    values[i] = series.booleanValue(i);
                }
                yield BooleanVector.of(values);
            }
            case VARCHAR -> {
                VarcharVector.Builder builder = new VarcharVector.Builder(size);
                for (int i = 0; i < size; i++) {
                    builder.append(series.varcharValue(i));
                }
                yield builder.build();
            }
            case TIMESTAMP -> throw new IllegalStateException("a time series never holds TIMESTAMP values");
        };
    }
}
