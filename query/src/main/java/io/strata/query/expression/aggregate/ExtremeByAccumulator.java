package io.strata.query.expression.aggregate;

import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import java.util.List;

/**
 * {@code max_by(x, y)} and {@code min_by(x, y)}: the x of the row with the largest (smallest)
 * non-null y. Partial state: (y, x) of that row, y NULL when the group has none; merging compares
 * the y's. Ties keep the first row seen.
 */
final class ExtremeByAccumulator implements GroupedAccumulator {
    private final boolean maximum;
    private final GroupValues keys;
    private final GroupValues values;

    ExtremeByAccumulator(boolean maximum, SqlType valueType, SqlType keyType) {
        this.maximum = maximum;
        this.keys = new GroupValues(keyType);
        this.values = new GroupValues(valueType);
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        merge(groupIds, groupCount, arguments[0], arguments[1], rowCount);
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        merge(groupIds, groupCount, states[1], states[0], rowCount);
    }

    private void merge(int[] groupIds, int groupCount, ColumnVector valueInput, ColumnVector keyInput, int rowCount) {
        keys.ensureCapacity(groupCount);
        values.ensureCapacity(groupCount);
        for (int row = 0; row < rowCount; row++) {
            if (keyInput.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            boolean replace = !keys.hasValue(group);
            if (!replace) {
                int comparison = keys.compare(group, keyInput, row);
                replace = maximum ? comparison < 0 : comparison > 0;
            }
            if (replace) {
                keys.set(group, keyInput, row);
                values.set(group, valueInput, row);
            }
        }
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        keys.ensureCapacity(groupCount);
        values.ensureCapacity(groupCount);
        return List.of(keys.build(groupCount), values.build(groupCount));
    }

    @Override
    public ColumnVector result(int groupCount) {
        values.ensureCapacity(groupCount);
        return values.build(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return keys.estimatedBytes() + values.estimatedBytes();
    }
}
