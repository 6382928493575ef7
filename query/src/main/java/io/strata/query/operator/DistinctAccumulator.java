package io.strata.query.operator;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.NullMask;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import io.strata.query.expression.aggregate.GroupedAccumulator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code agg(DISTINCT x)}: passes a (group, arguments) combination to the wrapped accumulator
 * only the first time it is seen. Runs in a single step only (the seen set does not merge).
 */
final class DistinctAccumulator implements GroupedAccumulator {
    private final GroupedAccumulator delegate;
    private final List<SqlType> argumentTypes;
    private final GroupByHash seen;

    DistinctAccumulator(GroupedAccumulator delegate, List<SqlType> argumentTypes) {
        this.delegate = delegate;
        this.argumentTypes = List.copyOf(argumentTypes);
        List<SqlType> keyTypes = new ArrayList<>();
        keyTypes.add(SqlType.BIGINT);
        keyTypes.addAll(argumentTypes);
        this.seen = new GroupByHash(keyTypes);
    }

    @Override
    public void addInput(int[] groupIds, int groupCount, ColumnVector[] arguments, int rowCount) {
        long[] groups = new long[rowCount];
        for (int row = 0; row < rowCount; row++) {
            groups[row] = groupIds[row];
        }
        ColumnVector[] keys = new ColumnVector[arguments.length + 1];
        keys[0] = LongVector.wrap(ColumnType.BIGINT, groups, rowCount, NullMask.NONE);
        System.arraycopy(arguments, 0, keys, 1, arguments.length);
        int[] positions = new int[rowCount];
        int[] newGroupIds = new int[rowCount];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            int before = seen.groupCount();
            seen.groupId(keys, row, true);
            if (seen.groupCount() > before) {
                positions[count] = row;
                newGroupIds[count] = groupIds[row];
                count++;
            }
        }
        ColumnVector[] selected = new ColumnVector[arguments.length];
        for (int index = 0; index < arguments.length; index++) {
            selected[index] = Vectors.gather(arguments[index], argumentTypes.get(index), positions, count);
        }
        delegate.addInput(newGroupIds, groupCount, selected, count);
    }

    @Override
    public void addIntermediate(int[] groupIds, int groupCount, ColumnVector[] states, int rowCount) {
        throw new UnsupportedOperationException("DISTINCT aggregates run in a single step");
    }

    @Override
    public List<ColumnVector> intermediate(int groupCount) {
        throw new UnsupportedOperationException("DISTINCT aggregates run in a single step");
    }

    @Override
    public ColumnVector result(int groupCount) {
        return delegate.result(groupCount);
    }

    @Override
    public long estimatedBytes() {
        return delegate.estimatedBytes() + seen.estimatedBytes();
    }
}
