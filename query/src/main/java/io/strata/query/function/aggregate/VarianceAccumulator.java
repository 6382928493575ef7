package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/**
 * Variance and standard deviation (sample and population) of BIGINT or DOUBLE, as DOUBLE. The
 * state is (count, mean, M2) updated with Welford's method and merged with Chan et al.'s pairwise
 * formula, which stays accurate where the textbook sum-of-squares form cancels catastrophically
 * (large values with a small spread, e.g. epoch timestamps).
 */
public final class VarianceAccumulator implements GroupedAccumulator {
    private final VarianceKind kind;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] squaredDeviations = new double[0];
    private int groupCount;

    public VarianceAccumulator(VarianceKind kind) {
        this.kind = kind;
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        int length = GroupCapacity.grown(counts.length, groupCount);
        if (length != counts.length) {
            counts = Arrays.copyOf(counts, length);
            means = Arrays.copyOf(means, length);
            squaredDeviations = Arrays.copyOf(squaredDeviations, length);
        }
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        ColumnVector values = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (values.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            double value = NumericColumns.doubleAt(values, row);
            long count = ++counts[group];
            double delta = value - means[group];
            means[group] += delta / count;
            squaredDeviations[group] += delta * (value - means[group]);
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        return new PartialStateWriter()
                .writeLong(counts[group]).writeDouble(means[group]).writeDouble(squaredDeviations[group])
                .toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        long otherCount = in.readLong();
        double otherMean = in.readDouble();
        double otherSquaredDeviations = in.readDouble();
        if (otherCount == 0) {
            return;
        }
        long count = counts[group];
        if (count == 0) {
            counts[group] = otherCount;
            means[group] = otherMean;
            squaredDeviations[group] = otherSquaredDeviations;
            return;
        }
        long total = count + otherCount;
        double delta = otherMean - means[group];
        means[group] += delta * otherCount / total;
        squaredDeviations[group] += otherSquaredDeviations + delta * delta * ((double) count * otherCount / total);
        counts[group] = total;
    }

    @Override
    public Object finalResult(int group) {
        long count = counts[group];
        return count < kind.minimumCount() ? null : kind.finish(count, Math.max(0.0, squaredDeviations[group]));
    }
}
