package io.strata.query.function.timeseries;

import io.strata.core.batch.ColumnType;
import io.strata.core.error.ValidationException;
import java.util.Arrays;

/**
 * {@code interpolate_linear}, {@code interpolate_spline_cubic}, {@code interpolate_locf} and
 * {@code interpolate_fill}, each at one timestamp (a DOUBLE, or NULL) or at an array of timestamps
 * (a time series holding only the requested times that get a value, sorted, duplicates removed).
 *
 * <p>Edge semantics (what Timestream documents, and where it is silent, what we chose):
 * <ul>
 * <li>A requested time equal to an observed time returns the observed value (equal-time points
 *     collapse to their mean, see {@link NumericPoints}).
 * <li>linear and spline answer only inside [first, last] observed time; outside it the scalar form
 *     is NULL and the point is left out of the series form. No extrapolation.
 * <li>locf answers from the first observed time onwards, with no upper bound (the last value is
 *     carried forward); before the first point there is nothing to carry. It keeps the series'
 *     value type and works for BOOLEAN and VARCHAR series; for equal-time points the last of them
 *     (in the series' order) is the observation carried.
 * <li>fill answers at every requested time: the observed value where there is one, else the fill.
 * <li>spline is a natural cubic spline (second derivative 0 at both ends) through the distinct
 *     points; with two distinct points it is the straight line, with one only its own time answers.
 * <li>An empty series answers nothing; a NULL series or timestamp is NULL (the engine's job).
 * </ul>
 * Pure and thread-safe.
 */
public final class Interpolation {
    private Interpolation() {}

    public static Double linear(TimeSeries series, long time) {
        return linearAt(NumericPoints.of(series, "interpolate_linear"), time);
    }

    public static TimeSeries linear(TimeSeries series, long[] times) {
        NumericPoints points = NumericPoints.of(series, "interpolate_linear");
        return collect(times, time -> linearAt(points, time));
    }

    public static Double splineCubic(TimeSeries series, long time) {
        return NaturalCubicSpline.through(NumericPoints.of(series, "interpolate_spline_cubic")).valueAt(time);
    }

    public static TimeSeries splineCubic(TimeSeries series, long[] times) {
        NaturalCubicSpline spline = NaturalCubicSpline.through(NumericPoints.of(series, "interpolate_spline_cubic"));
        return collect(times, spline::valueAt);
    }

    public static Double fill(TimeSeries series, long time, double fillValue) {
        NumericPoints points = NumericPoints.of(series, "interpolate_fill");
        int index = points.search(time);
        return index >= 0 ? points.values()[index] : fillValue;
    }

    public static TimeSeries fill(TimeSeries series, long[] times, double fillValue) {
        NumericPoints points = NumericPoints.of(series, "interpolate_fill");
        return collect(times, time -> {
            int index = points.search(time);
            return index >= 0 ? points.values()[index] : fillValue;
        });
    }

    /** The carried value boxed as the series' type (Long, Double, Boolean, String), or null before the first point. */
    public static Object locf(TimeSeries series, long time) {
        int index = lastAtOrBefore(series, time);
        return index < 0 ? null : series.value(index);
    }

    public static TimeSeries locf(TimeSeries series, long[] requested) {
        long[] times = sortedDistinct(requested);
        int[] sources = new int[times.length];
        int count = 0;
        for (long time : times) {
            int index = lastAtOrBefore(series, time);
            if (index >= 0) {
                times[count] = time;
                sources[count++] = index;
            }
        }
        ColumnType type = series.valueType();
        Object values = TimeSeries.newValueArray(type, count);
        for (int i = 0; i < count; i++) {
            series.copyValue(sources[i], values, i);
        }
        return TimeSeries.wrap(type, Arrays.copyOf(times, count), values);
    }

    private static int lastAtOrBefore(TimeSeries series, long time) {
        int low = 0;
        int high = series.size() - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (series.time(middle) <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found;
    }

    private static Double linearAt(NumericPoints points, long time) {
        int index = points.search(time);
        if (index >= 0) {
            return points.values()[index];
        }
        int after = -index - 1;
        if (after == 0 || after == points.size()) {
            return null;
        }
        long[] times = points.times();
        double[] values = points.values();
        double fraction = (double) (time - times[after - 1]) / (double) (times[after] - times[after - 1]);
        return values[after - 1] + (values[after] - values[after - 1]) * fraction;
    }

    interface ValueAtTime {
        Double at(long time);
    }

    private static TimeSeries collect(long[] requested, ValueAtTime function) {
        long[] times = sortedDistinct(requested);
        double[] values = new double[times.length];
        int count = 0;
        for (long time : times) {
            Double value = function.at(time);
            if (value != null) {
                times[count] = time;
                values[count++] = value;
            }
        }
        return TimeSeries.wrap(ColumnType.DOUBLE, Arrays.copyOf(times, count), Arrays.copyOf(values, count));
    }

    static long[] sortedDistinct(long[] requested) {
        if (requested == null) {
            throw new ValidationException("interpolation timestamps must not be NULL");
        }
        long[] times = requested.clone();
        Arrays.sort(times);
        int distinct = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] != times[i - 1]) {
                times[distinct++] = times[i];
            }
        }
        return Arrays.copyOf(times, distinct);
    }
}
