package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;

/**
 * {@code arbitrary(x)} (also {@code any_value}): some non-null x of the group — the first one this
 * accumulator saw, locally or in a merged partial. NULL only when every x is NULL.
 */
public final class ArbitraryAccumulator implements GroupedAccumulator {
    private final GroupedValues values;
    private final GroupedValues incoming;
    private int groupCount;

    public ArbitraryAccumulator(ColumnType type) {
        this.values = GroupedValues.of(type);
        this.incoming = GroupedValues.of(type);
        incoming.ensureGroupCount(1);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        values.ensureGroupCount(groupCount);
        for (int group = this.groupCount; group < groupCount; group++) {
            values.setNull(group);
        }
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        ColumnVector column = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!column.isNull(row) && values.isNull(groupIds[row])) {
                values.setFromRow(groupIds[row], column, row);
            }
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter();
        values.write(group, out);
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        incoming.read(0, new PartialStateReader(partial));
        if (values.isNull(group) && !incoming.isNull(0)) {
            values.copyFromGroup(group, incoming, 0);
        }
    }

    @Override
    public Object finalResult(int group) {
        return values.get(group);
    }
}
