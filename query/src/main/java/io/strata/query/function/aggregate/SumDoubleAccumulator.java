package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.DoubleVector;
import java.util.Arrays;

/** {@code sum(double)}: DOUBLE with compensated summation, NULL for a group without non-null rows. */
public final class SumDoubleAccumulator implements GroupedAccumulator {
    private final CompensatedSums sums = new CompensatedSums();
    private boolean[] seen = new boolean[0];
    private int groupCount;

    @Override
    public void ensureGroupCount(int groupCount) {
        sums.ensureGroupCount(groupCount);
        seen = Arrays.copyOf(seen, GroupCapacity.grown(seen.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        DoubleVector values = (DoubleVector) arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!values.isNull(row)) {
                sums.add(groupIds[row], values.get(row));
                seen[groupIds[row]] = true;
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeBoolean(seen[group]);
        sums.write(group, out);
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        if (in.readBoolean()) {
            seen[group] = true;
        }
        sums.merge(group, in);
    }

    @Override
    public Object finalResult(int group) {
        return seen[group] ? sums.sum(group) : null;
    }
}
