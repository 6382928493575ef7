package io.strata.query.expression.aggregate;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnVector;
import java.util.Arrays;
import java.util.List;

/** {@code bool_and}/{@code every} and {@code bool_or}. Partial state: the result so far, NULL when none. */
final class BooleanAccumulator implements GroupedAccumulator {
    private final boolean and;
    /** 0 none, 1 false, 2 true. */
    private byte[] states = new byte[0];

    BooleanAccumulator(boolean and) {
        this.and = and;
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        if (groupCount > states.length) {
            states = Arrays.copyOf(states, Math.max(groupCount, states.length * 2));
        }
        BooleanVector input = (BooleanVector) arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            boolean value = input.get(row);
            boolean current = states[group] == 0 ? value : states[group] == 2;
            states[group] = (byte) ((and ? current && value : current || value) ? 2 : 1);
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] partial, int rowCount) {
        addInput(groupIds, groupCount, partial, rowCount);
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(result(groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        BooleanVector.Builder out = new BooleanVector.Builder(groupCount);
        for (int group = 0; group < groupCount; group++) {
            byte state = group < states.length ? states[group] : 0;
            if (state == 0) {
                out.appendNull();
            } else {
                out.append(state == 2);
            }
        }
        return out.build();
    }

    @Override
    public long estimatedBytes() {
        return states.length;
    }
}
