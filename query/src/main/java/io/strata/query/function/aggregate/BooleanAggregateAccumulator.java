package io.strata.query.function.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/**
 * {@code bool_and(b)} / {@code every(b)} and {@code bool_or(b)}: NULLs are ignored; NULL for a
 * group without non-null rows.
 */
public final class BooleanAggregateAccumulator implements GroupedAccumulator {
    private static final byte EMPTY = 0;
    private static final byte TRUE = 1;
    private static final byte FALSE = 2;

    private final boolean isAnd;
    private byte[] states = new byte[0];
    private int groupCount;

    private BooleanAggregateAccumulator(boolean isAnd) {
        this.isAnd = isAnd;
    }

    public static BooleanAggregateAccumulator and() {
        return new BooleanAggregateAccumulator(true);
    }

    public static BooleanAggregateAccumulator or() {
        return new BooleanAggregateAccumulator(false);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        states = Arrays.copyOf(states, GroupCapacity.grown(states.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        BooleanVector values = (BooleanVector) arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (!values.isNull(row)) {
                fold(groupIds[row], values.get(row) ? TRUE : FALSE);
            }
        }
    }

    private void fold(int group, byte value) {
        byte current = states[group];
        if (current == EMPTY) {
            states[group] = value;
        } else if (isAnd) {
            states[group] = current == FALSE || value == FALSE ? FALSE : TRUE;
        } else {
            states[group] = current == TRUE || value == TRUE ? TRUE : FALSE;
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        return new PartialStateWriter().writeByte(states[group]).toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        byte value = new PartialStateReader(partial).readByte();
        if (value != EMPTY) {
            fold(group, value);
        }
    }

    @Override
    public Object finalResult(int group) {
        return states[group] == EMPTY ? null : states[group] == TRUE;
    }
}
