package io.strata.query.function.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/** {@code count_if(condition)}: rows where the BOOLEAN argument is TRUE (NULL counts as not true). BIGINT, 0 when empty. */
public final class CountIfAccumulator implements GroupedAccumulator {
    private long[] counts = new long[0];
    private int groupCount;

    @Override
    public void ensureGroupCount(int groupCount) {
        counts = Arrays.copyOf(counts, GroupCapacity.grown(counts.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        BooleanVector conditions = (BooleanVector) arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!conditions.isNull(row) && conditions.get(row)) {
                counts[groupIds[row]]++;
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        return new PartialStateWriter().writeLong(counts[group]).toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        counts[group] += new PartialStateReader(partial).readLong();
    }

    @Override
    public Object finalResult(int group) {
        return counts[group];
    }
}
