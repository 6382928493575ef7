package io.strata.query.function.timeseries;

import io.strata.core.error.ValidationException;
import java.util.Arrays;

/**
 * A numeric time series reduced to one value per distinct time: points sharing a time collapse to
 * the mean of their values. Interpolation, derivatives and integrals need a function of time, and
 * the mean is the choice that does not depend on how the equal-time points were ordered.
 *
 * @param times strictly increasing
 * @param values one per time
 */
record NumericPoints(long[] times, double[] values) {

    static NumericPoints of(TimeSeries series, String function) {
        if (!series.isNumeric()) {
            throw new ValidationException(function + " needs a time series of BIGINT or DOUBLE, not " + series.valueType());
        }
        int size = series.size();
        long[] times = new long[size];
        double[] values = new double[size];
        int distinct = 0;
        int i = 0;
        while (i < size) {
            long time = series.time(i);
            double sum = 0;
            int run = 0;
            for (; i < size && series.time(i) == time; i++, run++) {
                sum += series.doubleValue(i);
            }
            times[distinct] = time;
            values[distinct] = run == 1 ? sum : sum / run;
            distinct++;
        }
        return distinct == size ? new NumericPoints(times, values)
                : new NumericPoints(Arrays.copyOf(times, distinct), Arrays.copyOf(values, distinct));
    }

    int size() {
        return times.length;
    }

    /** The index of {@code time} if present, else {@code -(insertion point) - 1}. */
    int search(long time) {
        return Arrays.binarySearch(times, time);
    }
}
