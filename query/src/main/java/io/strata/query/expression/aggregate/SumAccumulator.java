package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.query.expression.Kernels;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * {@code sum(x)} of BIGINT (exact, overflow is an error) or DOUBLE; NULL for a group without a
 * non-null value. Partial state: the sum, NULL when none.
 */
final class SumAccumulator implements GroupedAccumulator {
    private final SqlType type;
    private long[] longSums = new long[0];
    private double[] doubleSums = new double[0];
    private boolean[] seen = new boolean[0];

    SumAccumulator(SqlType type) {
        this.type = type;
    }

    private void grow(int groups) {
        if (groups > seen.length) {
            int capacity = Math.max(groups, seen.length * 2);
            seen = Arrays.copyOf(seen, capacity);
            if (type == SqlType.BIGINT) {
                longSums = Arrays.copyOf(longSums, capacity);
            } else {
                doubleSums = Arrays.copyOf(doubleSums, capacity);
            }
        }
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        grow(groupCount);
        ColumnVector input = arguments[0];
        if (type == SqlType.BIGINT) {
            LongVector longs = (LongVector) input;
            for (int row = 0; row < rowCount; row++) {
                if (!longs.isNull(row)) {
                    int group = groupIds[row];
                    longSums[group] = Math.addExact(longSums[group], longs.get(row));
                    seen[group] = true;
                }
            }
        } else {
            for (int row = 0; row < rowCount; row++) {
                if (!input.isNull(row)) {
                    int group = groupIds[row];
                    doubleSums[group] += Kernels.doubleAt(input, row);
                    seen[group] = true;
                }
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        addInput(groupIds, groupCount, states, rowCount);
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(result(groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        grow(groupCount);
        VectorBuilder out = new VectorBuilder(type, groupCount);
        for (int group = 0; group < groupCount; group++) {
            if (!seen[group]) {
                out.appendNull();
            } else if (type == SqlType.BIGINT) {
                out.appendLong(longSums[group]);
            } else {
                out.appendDouble(doubleSums[group]);
            }
        }
        return out.build();
    }

    @Override
    public long estimatedBytes() {
        return seen.length * 9L;
    }

}
