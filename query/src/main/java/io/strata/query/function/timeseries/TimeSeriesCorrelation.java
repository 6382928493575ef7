package io.strata.query.function.timeseries;

import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import java.util.Arrays;

/**
 * {@code correlate_pearson(ts1, ts2)} and {@code correlate_spearman(ts1, ts2)}: the correlation of
 * the two value sequences, which must be paired point by point — identical timestamps, else a
 * {@link QueryExecutionException}. NULL for fewer than two points; NaN when one side is constant.
 */
public final class TimeSeriesCorrelation {
    private TimeSeriesCorrelation() {}

    public static Double pearson(TimeSeries first, TimeSeries second) {
        double[][] values = paired(first, second, "correlate_pearson");
        return values[0].length < 2 ? null : pearson(values[0], values[1]);
    }

    /** Pearson's correlation of the ranks; tied values share the mean of their ranks. */
    public static Double spearman(TimeSeries first, TimeSeries second) {
        double[][] values = paired(first, second, "correlate_spearman");
        return values[0].length < 2 ? null : pearson(ranks(values[0]), ranks(values[1]));
    }

    private static double[][] paired(TimeSeries first, TimeSeries second, String function) {
        if (!first.isNumeric() || !second.isNumeric()) {
            throw new ValidationException(function + " needs time series of BIGINT or DOUBLE");
        }
        if (first.size() != second.size()) {
            throw new QueryExecutionException(function + ": the time series must have the same timestamps ("
                    + first.size() + " and " + second.size() + " points)");
        }
        double[] left = new double[first.size()];
        double[] right = new double[first.size()];
        for (int i = 0; i < left.length; i++) {
            if (first.time(i) != second.time(i)) {
                throw new QueryExecutionException(function + ": the time series must have the same timestamps");
            }
            left[i] = first.doubleValue(i);
            right[i] = second.doubleValue(i);
        }
        return new double[][] {left, right};
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double covariance = 0;
        double varianceX = 0;
        double varianceY = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            covariance += dx * dy;
            varianceX += dx * dx;
            varianceY += dy * dy;
        }
        return covariance / Math.sqrt(varianceX * varianceY);
    }

    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && Double.compare(values[order[j + 1]], values[order[i]]) == 0) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }
}
