package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;

/**
 * {@code min(x)} and {@code max(x)} for BIGINT, DOUBLE, BOOLEAN, VARCHAR and TIMESTAMP, ordered as
 * {@link ValueOrdering} says. NULLs are ignored; NULL for a group without non-null rows.
 */
public final class MinMaxAccumulator implements GroupedAccumulator {
    private final boolean keepsMaximum;
    private final GroupedValues values;
    private final GroupedValues incoming;
    private int groupCount;

    private MinMaxAccumulator(ColumnType type, boolean keepsMaximum) {
        this.keepsMaximum = keepsMaximum;
        this.values = GroupedValues.of(type);
        this.incoming = GroupedValues.of(type);
        incoming.ensureGroupCount(1);
    }

    public static MinMaxAccumulator min(ColumnType type) {
        return new MinMaxAccumulator(type, false);
    }

    public static MinMaxAccumulator max(ColumnType type) {
        return new MinMaxAccumulator(type, true);
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
            if (column.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            if (values.isNull(group) || replaces(values.compareToRow(group, column, row))) {
                values.setFromRow(group, column, row);
            }
        }
    }

    private boolean replaces(int currentComparedToCandidate) {
        return keepsMaximum ? currentComparedToCandidate < 0 : currentComparedToCandidate > 0;
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
        if (incoming.isNull(0)) {
            return;
        }
        if (values.isNull(group) || replaces(values.compareToGroup(group, incoming, 0))) {
            values.copyFromGroup(group, incoming, 0);
        }
    }

    @Override
    public Object finalResult(int group) {
        return values.get(group);
    }
}
