package io.strata.query.function.timeseries;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.QueryExecutionException;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code filter(ts, x -> bool)}, {@code transform(ts, x -> value)} and
 * {@code reduce(ts, initial, (s, x) -> s', s -> result)} over time series. The engine compiles the
 * lambda and hands it over as a Java function; these helpers walk the points in time order, call
 * it once per point from the calling thread, and assemble the result. A lambda answering NULL
 * drops the point for filter (NULL is not true) and is an error for transform (series hold no NULL).
 */
public final class TimeSeriesLambdas {
    private TimeSeriesLambdas() {}

    public static TimeSeries filter(TimeSeries series, Function<TimeSeriesPoint, Boolean> predicate) {
        long[] times = new long[series.size()];
        int[] kept = new int[series.size()];
        int count = 0;
        for (int i = 0; i < series.size(); i++) {
            if (Boolean.TRUE.equals(predicate.apply(new TimeSeriesPoint(series.time(i), series.value(i))))) {
                times[count] = series.time(i);
                kept[count++] = i;
            }
        }
        Object values = TimeSeries.newValueArray(series.valueType(), count);
        for (int i = 0; i < count; i++) {
            series.copyValue(kept[i], values, i);
        }
        return TimeSeries.wrap(series.valueType(), Arrays.copyOf(times, count), values);
    }

    /** Maps each point's value with {@code function} to a value of {@code resultType}; times stay. */
    public static TimeSeries transform(TimeSeries series, ColumnType resultType,
                                       Function<TimeSeriesPoint, Object> function) {
        int size = series.size();
        Object values = TimeSeries.newValueArray(resultType, size);
        for (int i = 0; i < size; i++) {
            Object value = function.apply(new TimeSeriesPoint(series.time(i), series.value(i)));
            if (value == null) {
                throw new QueryExecutionException("transform produced NULL for the point at " + series.time(i)
                        + "; time series values cannot be NULL");
            }
            switch (values) {
                case long[] longs -> longs[i] = ((Number) value).longValue();
                case double[] doubles -> doubles[i] = ((Number) value).doubleValue();
                case boolean[] booleans -> booleans[i] = (Boolean) value;
                case String[] strings -> strings[i] = (String) value;
                default -> throw new IllegalStateException();
            }
        }
        return TimeSeries.wrap(resultType, series.times(), values);
    }

    /** Folds the points in time order from {@code initial}, then applies {@code output} to the state. */
    public static Object reduce(TimeSeries series, Object initial, BiFunction<Object, TimeSeriesPoint, Object> step,
                                Function<Object, Object> output) {
        Object state = initial;
        for (int i = 0; i < series.size(); i++) {
            state = step.apply(state, new TimeSeriesPoint(series.time(i), series.value(i)));
        }
        return output.apply(state);
    }
}
