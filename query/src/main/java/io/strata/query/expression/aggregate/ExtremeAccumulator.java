package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import java.util.List;

/**
 * {@code min(x)}, {@code max(x)} and {@code arbitrary(x)} over any orderable type. Partial state:
 * the extreme so far (NULL when none); merging is the same comparison.
 */
final class ExtremeAccumulator implements GroupedAccumulator {
    enum Kind { MIN, MAX, ARBITRARY }

    private final Kind kind;
    private final GroupValues values;

    ExtremeAccumulator(Kind kind, SqlType type) {
        this.kind = kind;
        this.values = new GroupValues(type);
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        values.ensureCapacity(groupCount);
        ColumnVector input = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            if (input.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            if (!values.hasValue(group)) {
                values.set(group, input, row);
            } else if (kind != Kind.ARBITRARY) {
                int comparison = values.compare(group, input, row);
                if (kind == Kind.MIN ? comparison > 0 : comparison < 0) {
                    values.set(group, input, row);
                }
            }
        }
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        addInput(groupIds, groupCount, states, rowCount);
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        return List.of(result(groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        values.ensureCapacity(groupCount);
        return values.build(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return values.estimatedBytes();
    }
}
