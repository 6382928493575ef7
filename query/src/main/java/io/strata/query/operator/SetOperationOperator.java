package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.Vectors;
import io.strata.query.plan.PlanNode.SetOperationKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UNION, INTERSECT and EXCEPT. UNION ALL streams its inputs one after the other; the others
 * count each distinct row per input in a {@link GroupByHash} and emit a row as many times as the
 * operation says (INTERSECT ALL: the least count; EXCEPT ALL: the first input's count minus the
 * others'; the DISTINCT forms at most once).
 */
public final class SetOperationOperator implements Operator {
    private final SetOperationKind kind;
    private final boolean distinct;
    private final List<Operator> inputs;
    private final List<SqlType> types;
    private final OperatorContext context;
    private int current;
    private boolean counted;

    public SetOperationOperator(SetOperationKind kind, boolean distinct, List<Operator> inputs, List<SqlType> types,
                                OperatorContext context) {
        this.kind = kind;
        this.distinct = distinct;
        this.inputs = List.copyOf(inputs);
        this.types = List.copyOf(types);
        this.context = context;
    }

    @Override
    public ColumnBatch next() {
        if (kind == SetOperationKind.UNION && !distinct) {
            while (current < inputs.size()) {
                ColumnBatch batch = inputs.get(current).next();
                if (batch != null) {
                    return batch;
                }
                current++;
            }
            return null;
        }
        if (counted) {
            return null;
        }
        counted = true;
        return countAndEmit();
    }

    private ColumnBatch countAndEmit() {
        GroupByHash hash = new GroupByHash(types);
        long[][] counts = new long[inputs.size()][16];
        int[] groupIds = new int[1024];
        ColumnVector[] keys = new ColumnVector[types.size()];
        for (int input = 0; input < inputs.size(); input++) {
            Operator operator = inputs.get(input);
            for (ColumnBatch batch = operator.next(); batch != null; batch = operator.next()) {
                context.checkRunning();
                if (groupIds.length < batch.rowCount()) {
                    groupIds = new int[batch.rowCount()];
                }
                for (int channel = 0; channel < keys.length; channel++) {
                    keys[channel] = batch.column(channel);
                }
                hash.groupIds(keys, batch.rowCount(), groupIds);
                for (int index = 0; index < counts.length; index++) {
                    if (counts[index].length < hash.groupCount()) {
                        counts[index] = Arrays.copyOf(counts[index], Math.max(hash.groupCount(), counts[index].length * 2));
                    }
                }
                for (int row = 0; row < batch.rowCount(); row++) {
                    counts[input][groupIds[row]]++;
                }
            }
        }
        context.adjustMemory(hash.estimatedBytes());
        int groups = hash.groupCount();
        ColumnVector[] distinctRows = hash.keyVectors();
        int[] positions = new int[16];
        int size = 0;
        for (int group = 0; group < groups; group++) {
            long copies = copies(counts, group);
            for (long copy = 0; copy < copies; copy++) {
                if (size == positions.length) {
                    positions = Arrays.copyOf(positions, size * 2);
                }
                positions[size++] = group;
            }
        }
        context.adjustMemory(-hash.estimatedBytes());
        List<ColumnVector> columns = new ArrayList<>();
        for (int channel = 0; channel < types.size(); channel++) {
            columns.add(Vectors.gather(distinctRows[channel], types.get(channel), positions, size));
        }
        return Vectors.batch(size, columns);
    }

    private long copies(long[][] counts, int group) {
        long first = counts[0][group];
        long result;
        switch (kind) {
            case UNION -> {
                long total = 0;
                for (long[] count : counts) {
                    total += count[group];
                }
                result = total;
            }
            case INTERSECT -> {
                long least = first;
                for (long[] count : counts) {
                    least = Math.min(least, count[group]);
                }
                result = least;
            }
            case EXCEPT -> {
                long remaining = first;
                for (int input = 1; input < counts.length; input++) {
                    remaining = distinct ? (counts[input][group] > 0 ? 0 : remaining) : remaining - counts[input][group];
                }
                result = Math.max(0, remaining);
            }
            default -> throw new IllegalStateException();
        }
        return distinct ? Math.min(result, 1) : result;
    }

    @Override
    public void close() {
        inputs.forEach(Operator::close);
    }
}
