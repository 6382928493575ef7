package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.error.QueryExecutionException;
import java.util.Arrays;

/**
 * {@code sum(bigint)}: BIGINT, NULL for a group without non-null rows. Overflowing 64 bits is a
 * {@link QueryExecutionException} ("bigint addition overflow"), as in Trino, rather than a wrapped
 * wrong answer.
 */
public final class SumLongAccumulator implements GroupedAccumulator {
    private long[] sums = new long[0];
    private boolean[] seen = new boolean[0];
    private int groupCount;

    @Override
    public void ensureGroupCount(int groupCount) {
        int length = GroupCapacity.grown(sums.length, groupCount);
        sums = Arrays.copyOf(sums, length);
        seen = Arrays.copyOf(seen, length);
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        LongVector values = (LongVector) arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!values.isNull(row)) {
                int group = groupIds[row];
                sums[group] = addExact(sums[group], values.get(row));
                seen[group] = true;
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        return new PartialStateWriter().writeBoolean(seen[group]).writeLong(sums[group]).toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        if (in.readBoolean()) {
            sums[group] = addExact(sums[group], in.readLong());
            seen[group] = true;
        }
    }

    @Override
    public Object finalResult(int group) {
        return seen[group] ? sums[group] : null;
    }

    private static long addExact(long left, long right) {
        long result = left + right;
        if (((left ^ result) & (right ^ result)) < 0) {
            throw new QueryExecutionException("bigint addition overflow: " + left + " + " + right);
        }
        return result;
    }
}
