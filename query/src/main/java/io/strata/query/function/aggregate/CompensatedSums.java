package io.strata.query.function.aggregate;

import java.util.Arrays;

/**
 * Per-group double sums with Neumaier compensation: the rounding error of each addition is kept
 * in a second array, so a sum split across shards and merged in any order agrees with one pass to
 * ~1e-15 relative instead of drifting with the number of rows. Not thread-safe.
 */
final class CompensatedSums {
    private double[] sums = new double[0];
    private double[] compensations = new double[0];

    void ensureGroupCount(int groupCount) {
        int length = GroupCapacity.grown(sums.length, groupCount);
        if (length != sums.length) {
            sums = Arrays.copyOf(sums, length);
            compensations = Arrays.copyOf(compensations, length);
        }
    }

    void add(int group, double value) {
        double sum = sums[group];
        double total = sum + value;
        if (!Double.isFinite(total)) {
            // Infinite or NaN from here on: the error term of such an addition is NaN, not an error.
            sums[group] = total;
            return;
        }
        if (Math.abs(sum) >= Math.abs(value)) {
            compensations[group] += (sum - total) + value;
        } else {
            compensations[group] += (value - total) + sum;
        }
        sums[group] = total;
    }

    /** The compensated sum; with an infinite or NaN running sum the compensation is meaningless and dropped. */
    double sum(int group) {
        double sum = sums[group];
        return Double.isFinite(sum) ? sum + compensations[group] : sum;
    }

    void write(int group, PartialStateWriter out) {
        double sum = sums[group];
        out.writeDouble(sum).writeDouble(Double.isFinite(sum) ? compensations[group] : 0.0);
    }

    void merge(int group, PartialStateReader in) {
        add(group, in.readDouble());
        add(group, in.readDouble());
    }
}
