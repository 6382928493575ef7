package io.strata.query.expression.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.NullMask;
import io.strata.core.batch.ColumnType;
import java.util.Arrays;
import java.util.List;

/**
 * {@code count(*)} (no argument), {@code count(x)} (non-null rows) and {@code count_if(b)} (true
 * rows). Partial state: the count; merging adds.
 */
final class CountAccumulator implements GroupedAccumulator {
    private final boolean countTrueOnly;
    private long[] counts = new long[0];

    CountAccumulator(boolean countTrueOnly) {
        this.countTrueOnly = countTrueOnly;
    }

    private void grow(int groups) {
        if (groups > counts.length) {
            counts = Arrays.copyOf(counts, Math.max(groups, counts.length * 2));
        }
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        grow(groupCount);
        if (arguments.length == 0) {
            for (int row = 0; row < rowCount; row++) {
                counts[groupIds[row]]++;
            }
            return;
        }
        ColumnVector input = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!input.isNull(row) && (!countTrueOnly || ((BooleanVector) input).get(row))) {
                counts[groupIds[row]]++;
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        grow(groupCount);
        LongVector partial = (LongVector) states[0];
        for (int row = 0; row < rowCount; row++) {
            counts[groupIds[row]] += partial.get(row);
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(result(groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        grow(groupCount);
        return LongVector.wrap(ColumnType.BIGINT, Arrays.copyOf(counts, groupCount), groupCount, NullMask.NONE);
    }

    @Override
    public long estimatedBytes() {
        return counts.length * 8L;
    }
}
