package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/**
 * {@code count(*)} (every row) and {@code count(x)} (rows where x is not NULL). The result is
 * BIGINT and 0 for a group without rows.
 */
public final class CountAccumulator implements GroupedAccumulator {
    private final boolean countsNulls;
    private long[] counts = new long[0];
    private int groupCount;

    private CountAccumulator(boolean countsNulls) {
        this.countsNulls = countsNulls;
    }

    /** {@code count(*)}: takes no argument columns. */
    public static CountAccumulator countRows() {
        return new CountAccumulator(true);
    }

    /** {@code count(x)}: one argument column of any type. */
    public static CountAccumulator countNonNull() {
        return new CountAccumulator(false);
    }

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
        if (countsNulls || !arguments[0].nulls().hasNulls()) {
            for (int row = 0; row < rowCount; row++) {
                counts[groupIds[row]]++;
            }
            return;
        }
        ColumnVector values = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!values.isNull(row)) {
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
