package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.NullMask;
import io.strata.query.expression.Kernels;
import java.util.Arrays;
import java.util.List;

/**
 * {@code avg}, {@code stddev}/{@code stddev_samp}, {@code stddev_pop}, {@code variance}/
 * {@code var_samp}, {@code var_pop}, {@code geometric_mean}. The state is (count, mean, sum of
 * squared deviations) per group — Welford's update, and Chan's formula to merge partial states —
 * rather than raw sums of squares, which lose every digit when the variance is small next to the
 * mean (temperatures around 20 with a spread of 0.01).
 */
final class MomentsAccumulator implements GroupedAccumulator {
    enum Kind { AVERAGE, STDDEV_SAMPLE, STDDEV_POPULATION, VARIANCE_SAMPLE, VARIANCE_POPULATION, GEOMETRIC_MEAN }

    private final Kind kind;
    private long[] counts = new long[0];
    private double[] means = new double[0];
    private double[] squaredDeviations = new double[0];

    MomentsAccumulator(Kind kind) {
        this.kind = kind;
    }

    private void grow(int groups) {
        if (groups > counts.length) {
            int capacity = Math.max(groups, counts.length * 2);
            counts = Arrays.copyOf(counts, capacity);
            means = Arrays.copyOf(means, capacity);
            squaredDeviations = Arrays.copyOf(squaredDeviations, capacity);
        }
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        grow(groupCount);
        ColumnVector input = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                continue;
            }
            double value = Kernels.doubleAt(input, row);
            if (kind == Kind.GEOMETRIC_MEAN) {
                value = Math.log(value);
            }
            int group = groupIds[row];
            long count = ++counts[group];
            double delta = value - means[group];
            means[group] += delta / count;
            squaredDeviations[group] += delta * (value - means[group]);
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        grow(groupCount);
        LongVector partialCounts = (LongVector) states[0];
        DoubleVector partialMeans = (DoubleVector) states[1];
        DoubleVector partialDeviations = (DoubleVector) states[2];
        for (int row = 0; row < rowCount; row++) {
            long otherCount = partialCounts.get(row);
            if (otherCount == 0) {
                continue;
            }
            int group = groupIds[row];
            long count = counts[group];
            long total = count + otherCount;
            double delta = partialMeans.get(row) - means[group];
            means[group] += delta * otherCount / total;
            squaredDeviations[group] += partialDeviations.get(row) + delta * delta * count * otherCount / total;
            counts[group] = total;
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        grow(groupCount);
        return List.of(
                LongVector.wrap(ColumnType.BIGINT, Arrays.copyOf(counts, groupCount), groupCount, NullMask.NONE),
                DoubleVector.wrap(Arrays.copyOf(means, groupCount), groupCount, NullMask.NONE),
                DoubleVector.wrap(Arrays.copyOf(squaredDeviations, groupCount), groupCount, NullMask.NONE));
    }

    @Override
    public ColumnVector result(int groupCount) {
        grow(groupCount);
        DoubleVector.Builder out = new DoubleVector.Builder(groupCount);
        for (int group = 0; group < groupCount; group++) {
            long count = counts[group];
            double deviations = Math.max(0.0, squaredDeviations[group]);
            switch (kind) {
                case AVERAGE -> append(out, count > 0, means[group]);
                case GEOMETRIC_MEAN -> append(out, count > 0, Math.exp(means[group]));
                case STDDEV_SAMPLE -> append(out, count > 1, Math.sqrt(deviations / (count - 1)));
                case STDDEV_POPULATION -> append(out, count > 0, Math.sqrt(deviations / count));
                case VARIANCE_SAMPLE -> append(out, count > 1, deviations / (count - 1));
                case VARIANCE_POPULATION -> append(out, count > 0, deviations / count);
            }
        }
        return out.build();
    }

    private static void append(DoubleVector.Builder out, boolean defined, double value) {
        if (defined) {
            out.append(value);
        } else {
            out.appendNull();
        }
    }

    @Override
    public long estimatedBytes() {
        return counts.length * 24L;
    }
}
