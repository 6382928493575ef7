package io.strata.query.function.timeseries;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.QueryExecutionException;
import io.strata.query.function.time.Nanos;
import java.util.Arrays;

/**
 * {@code derivative_linear}, {@code non_negative_derivative_linear} and
 * {@code integral_trapezoidal} over numeric series (equal-time points collapse to their mean,
 * {@link NumericPoints}). Pure and thread-safe.
 */
public final class TimeSeriesCalculus {
    /** {@code integral_trapezoidal}'s default unit: values are integrated per second. */
    public static final long DEFAULT_INTEGRAL_UNIT = Nanos.PER_SECOND;

    private TimeSeriesCalculus() {}

    /**
     * The rate of change per {@code intervalNanos} between each point and the one before it,
     * placed at the later point's time: {@code (v[i] - v[i-1]) / (t[i] - t[i-1]) * interval}. The
     * first point has no predecessor, so a series of n distinct times gives n - 1 points (an empty
     * series for 0 or 1).
     */
    public static TimeSeries derivativeLinear(TimeSeries series, long intervalNanos) {
        return derivative(series, intervalNanos, false, "derivative_linear");
    }

    /** As {@link #derivativeLinear} but drops negative rates (a counter reset), keeping zero. */
    public static TimeSeries nonNegativeDerivativeLinear(TimeSeries series, long intervalNanos) {
        return derivative(series, intervalNanos, true, "non_negative_derivative_linear");
    }

    private static TimeSeries derivative(TimeSeries series, long intervalNanos, boolean nonNegative, String function) {
        requirePositive(intervalNanos, function);
        NumericPoints points = NumericPoints.of(series, function);
        int n = points.size();
        long[] times = new long[Math.max(0, n - 1)];
        double[] rates = new double[times.length];
        int count = 0;
        for (int i = 1; i < n; i++) {
            double elapsed = (double) (points.times()[i] - points.times()[i - 1]);
            double rate = (points.values()[i] - points.values()[i - 1]) / elapsed * intervalNanos;
            if (nonNegative && rate < 0) {
                continue;
            }
            times[count] = points.times()[i];
            rates[count++] = rate;
        }
        return TimeSeries.wrap(ColumnType.DOUBLE, Arrays.copyOf(times, count), Arrays.copyOf(rates, count));
    }

    /** The trapezoid-rule integral per second; see {@link #integralTrapezoidal(TimeSeries, long)}. */
    public static Double integralTrapezoidal(TimeSeries series) {
        return integralTrapezoidal(series, DEFAULT_INTEGRAL_UNIT);
    }

    /**
     * The area under the piecewise-linear curve through the points, with time measured in
     * {@code unitNanos}: {@code sum((v[i-1] + v[i]) / 2 * (t[i] - t[i-1]) / unit)}. NULL for an
     * empty series, 0 for a single time.
     */
    public static Double integralTrapezoidal(TimeSeries series, long unitNanos) {
        requirePositive(unitNanos, "integral_trapezoidal");
        NumericPoints points = NumericPoints.of(series, "integral_trapezoidal");
        if (points.size() == 0) {
            return null;
        }
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            double width = (double) (points.times()[i] - points.times()[i - 1]) / unitNanos;
            area += (points.values()[i - 1] + points.values()[i]) / 2 * width;
        }
        return area;
    }

    private static void requirePositive(long intervalNanos, String function) {
        if (intervalNanos <= 0) {
            throw new QueryExecutionException(function + " interval must be positive: " + intervalNanos + "ns");
        }
    }
}
