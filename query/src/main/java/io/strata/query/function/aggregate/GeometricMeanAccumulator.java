package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/**
 * {@code geometric_mean(x)} of BIGINT or DOUBLE: exp(mean(ln x)), DOUBLE. As in Trino, a negative
 * value makes the result NaN and a zero makes it 0; NULLs are ignored.
 */
public final class GeometricMeanAccumulator implements GroupedAccumulator {
    private final CompensatedSums logarithmSums = new CompensatedSums();
    private long[] counts = new long[0];
    private int groupCount;

    @Override
    public void ensureGroupCount(int groupCount) {
        logarithmSums.ensureGroupCount(groupCount);
        counts = Arrays.copyOf(counts, GroupCapacity.grown(counts.length, groupCount));
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
            if (!values.isNull(row)) {
                logarithmSums.add(groupIds[row], Math.log(NumericColumns.doubleAt(values, row)));
                counts[groupIds[row]]++;
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeLong(counts[group]);
        logarithmSums.write(group, out);
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        counts[group] += in.readLong();
        logarithmSums.merge(group, in);
    }

    @Override
    public Object finalResult(int group) {
        return counts[group] == 0 ? null : Math.exp(logarithmSums.sum(group) / counts[group]);
    }
}
