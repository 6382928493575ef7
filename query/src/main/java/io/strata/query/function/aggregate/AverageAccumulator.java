package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import java.util.Arrays;

/**
 * {@code avg(bigint|double)}: DOUBLE, NULL for a group without non-null rows. The partial state is
 * (count, compensated sum), so the coordinator divides once at the end.
 */
public final class AverageAccumulator implements GroupedAccumulator {
    private final CompensatedSums sums = new CompensatedSums();
    private long[] counts = new long[0];
    private int groupCount;

    @Override
    public void ensureGroupCount(int groupCount) {
        sums.ensureGroupCount(groupCount);
        counts = Arrays.copyOf(counts, GroupCapacity.grown(counts.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        if (arguments[0] instanceof DoubleVector values) {
            for (int row = 0; row < rowCount; row++) {
                if (!values.isNull(row)) {
                    sums.add(groupIds[row], values.get(row));
                    counts[groupIds[row]]++;
                }
            }
        } else {
            LongVector values = (LongVector) arguments[0];
            for (int row = 0; row < rowCount; row++) {
                if (!values.isNull(row)) {
                    sums.add(groupIds[row], values.get(row));
                    counts[groupIds[row]]++;
                }
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeLong(counts[group]);
        sums.write(group, out);
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        counts[group] += in.readLong();
        sums.merge(group, in);
    }

    @Override
    public Object finalResult(int group) {
        return counts[group] == 0 ? null : sums.sum(group) / counts[group];
    }
}
