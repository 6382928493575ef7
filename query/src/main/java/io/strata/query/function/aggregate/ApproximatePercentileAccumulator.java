package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.error.QueryExecutionException;
import io.strata.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code approx_percentile(x[, w], p | array[p][, accuracy])} over BIGINT or DOUBLE x, with one
 * {@link RelativeErrorQuantileSketch} per group. The percentages are constants of the query,
 * fixed at construction. The result has x's type (BIGINT rounds the estimate to the nearest
 * integer), or is an array of them for the array form; NULL for a group without non-null rows.
 *
 * <p>The accuracy argument is the sketch's relative value error (default 0.01): each answer is
 * within {@code accuracy * |v|} of the exact value v of rank {@code floor(p * (n - 1))} (for
 * BIGINT, within that plus the rounding). Trino's accuracy bounds the rank error instead; a value
 * bound is what a dashboard reading p99 latency relies on, and it makes merging exact.
 */
public final class ApproximatePercentileAccumulator implements GroupedAccumulator {
    private final ColumnType valueType;
    private final double[] percentages;
    private final boolean returnsArray;
    private final boolean weighted;
    private final double accuracy;
    private RelativeErrorQuantileSketch[] sketches = new RelativeErrorQuantileSketch[0];
    private int groupCount;

    private ApproximatePercentileAccumulator(ColumnType valueType, double[] percentages, boolean returnsArray,
                                             boolean weighted, double accuracy) {
        if (valueType != ColumnType.BIGINT && valueType != ColumnType.DOUBLE) {
            throw new ValidationException("approx_percentile takes BIGINT or DOUBLE values, not " + valueType);
        }
        for (double percentage : percentages) {
            if (!(percentage >= 0 && percentage <= 1)) {
                throw new ValidationException("Percentile must be between 0 and 1: " + percentage);
            }
        }
        if (!(accuracy > 0 && accuracy < 1)) {
            throw new ValidationException("Percentile accuracy must be exclusively between 0 and 1: " + accuracy);
        }
        this.valueType = valueType;
        this.percentages = percentages.clone();
        this.returnsArray = returnsArray;
        this.weighted = weighted;
        this.accuracy = accuracy;
    }

    /** {@code approx_percentile(x, p)}: arguments (x). */
    public static ApproximatePercentileAccumulator single(ColumnType valueType, double percentage) {
        return new ApproximatePercentileAccumulator(valueType, new double[] {percentage}, false, false,
                RelativeErrorQuantileSketch.DEFAULT_RELATIVE_ACCURACY);
    }

    /** {@code approx_percentile(x, array[p...])}: arguments (x); the result is a list. */
    public static ApproximatePercentileAccumulator array(ColumnType valueType, double... percentages) {
        return new ApproximatePercentileAccumulator(valueType, percentages, true, false,
                RelativeErrorQuantileSketch.DEFAULT_RELATIVE_ACCURACY);
    }

    /** {@code approx_percentile(x, w, p[, accuracy])}: arguments (x, w) with w a positive BIGINT weight. */
    public static ApproximatePercentileAccumulator weighted(ColumnType valueType, double percentage, double accuracy) {
        return new ApproximatePercentileAccumulator(valueType, new double[] {percentage}, false, true, accuracy);
    }

    /** The general form: any accuracy, weighted or not, array or single. */
    public static ApproximatePercentileAccumulator of(ColumnType valueType, double[] percentages, boolean returnsArray,
                                                      boolean weighted, double accuracy) {
        if (!returnsArray && percentages.length != 1) {
            throw new IllegalArgumentException("a single percentile needs exactly one percentage");
        }
        return new ApproximatePercentileAccumulator(valueType, percentages, returnsArray, weighted, accuracy);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        sketches = Arrays.copyOf(sketches, GroupCapacity.grown(sketches.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        ColumnVector values = arguments[0];
        LongVector weights = weighted ? (LongVector) arguments[1] : null;
        for (int row = 0; row < rowCount; row++) {
            if (values.isNull(row) || (weights != null && weights.isNull(row))) {
                continue;
            }
            long weight = 1;
            if (weights != null) {
                weight = weights.get(row);
                if (weight <= 0) {
                    throw new QueryExecutionException("approx_percentile weight must be positive: " + weight);
                }
            }
            sketch(groupIds[row]).add(NumericColumns.doubleAt(values, row), weight);
        }
    }

    private RelativeErrorQuantileSketch sketch(int group) {
        RelativeErrorQuantileSketch sketch = sketches[group];
        if (sketch == null) {
            sketch = new RelativeErrorQuantileSketch(accuracy);
            sketches[group] = sketch;
        }
        return sketch;
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeBoolean(sketches[group] != null);
        if (sketches[group] != null) {
            sketches[group].write(out);
        }
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        if (in.readBoolean()) {
            sketch(group).merge(RelativeErrorQuantileSketch.read(in));
        }
    }

    @Override
    public Object finalResult(int group) {
        RelativeErrorQuantileSketch sketch = sketches[group];
        if (sketch == null || sketch.count() == 0) {
            return null;
        }
        if (!returnsArray) {
            return typed(sketch.quantile(percentages[0]));
        }
        List<Object> results = new ArrayList<>(percentages.length);
        for (double percentage : percentages) {
            results.add(typed(sketch.quantile(percentage)));
        }
        return results;
    }

    private Object typed(double value) {
        return valueType == ColumnType.BIGINT ? (Object) Math.round(value) : (Object) value;
    }
}
