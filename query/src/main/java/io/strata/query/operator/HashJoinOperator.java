package io.strata.query.operator;

import io.strata.core.batch.BooleanVector;
import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import io.strata.query.expression.VectorEvaluator;
import io.strata.query.expression.Vectors;
import io.strata.query.plan.PlanNode.JoinType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A hash join: builds a table over the right input's keys (rows of one key chained through an
 * int array), then streams the left input through it. Handles INNER, LEFT, RIGHT, FULL and CROSS
 * (no keys: every pair), with an optional residual condition evaluated on candidate pairs — a
 * left row with no surviving pair is unmatched. NULL keys never match.
 */
public final class HashJoinOperator implements Operator {
    private final JoinType type;
    private final Operator left;
    private final Operator right;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final VectorEvaluator residual;
    private final List<SqlType> leftTypes;
    private final List<SqlType> rightTypes;
    private final List<SqlType> outputTypes;
    private final OperatorContext context;

    private ColumnBatch build;
    private GroupByHash hash;
    private int[] firstRowOfGroup;
    private int[] nextRowInGroup;
    private boolean[] rightMatched;
    private boolean leftDone;
    private boolean rightRemainderDone;
    private long reserved;

    public HashJoinOperator(JoinType type, Operator left, Operator right, List<Integer> leftKeys, List<Integer> rightKeys,
                            VectorEvaluator residual, List<SqlType> leftTypes, List<SqlType> rightTypes, OperatorContext context) {
        this.type = type;
        this.left = left;
        this.right = right;
        this.leftKeys = leftKeys.stream().mapToInt(Integer::intValue).toArray();
        this.rightKeys = rightKeys.stream().mapToInt(Integer::intValue).toArray();
        this.residual = residual;
        this.leftTypes = List.copyOf(leftTypes);
        this.rightTypes = List.copyOf(rightTypes);
        List<SqlType> types = new ArrayList<>(leftTypes);
        types.addAll(rightTypes);
        this.outputTypes = List.copyOf(types);
        this.context = context;
    }

    private void buildTable() {
        build = Batches.drain(right, rightTypes, context);
        List<SqlType> keyTypes = new ArrayList<>();
        for (int key : rightKeys) {
            keyTypes.add(rightTypes.get(key));
        }
        hash = new GroupByHash(keyTypes);
        int rows = build.rowCount();
        ColumnVector[] keys = keyColumns(build, rightKeys);
        nextRowInGroup = new int[rows];
        firstRowOfGroup = new int[Math.max(16, rows)];
        Arrays.fill(firstRowOfGroup, -1);
        rightMatched = new boolean[rows];
        // Insert in reverse so each chain lists rows in input order.
        for (int row = rows - 1; row >= 0; row--) {
            if (hasNullKey(keys, row)) {
                nextRowInGroup[row] = -2;
                continue;
            }
            int group = hash.groupId(keys, row, true);
            nextRowInGroup[row] = firstRowOfGroup[group];
            firstRowOfGroup[group] = row;
        }
        reserved = rows * 9L + hash.estimatedBytes() + firstRowOfGroup.length * 4L;
        context.adjustMemory(reserved);
    }

    private static ColumnVector[] keyColumns(ColumnBatch batch, int[] channels) {
        ColumnVector[] keys = new ColumnVector[channels.length];
        for (int index = 0; index < channels.length; index++) {
            keys[index] = batch.column(channels[index]);
        }
        return keys;
    }

    private static boolean hasNullKey(ColumnVector[] keys, int row) {
        for (ColumnVector key : keys) {
            if (key.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public ColumnBatch next() {
        if (build == null) {
            buildTable();
        }
        while (!leftDone) {
            ColumnBatch probe = left.next();
            if (probe == null) {
                leftDone = true;
                break;
            }
            context.checkRunning();
            ColumnBatch joined = probe(probe);
            if (joined.rowCount() > 0) {
                return joined;
            }
        }
        if (!rightRemainderDone) {
            rightRemainderDone = true;
            if (type == JoinType.RIGHT || type == JoinType.FULL) {
                ColumnBatch remainder = unmatchedRight();
                if (remainder.rowCount() > 0) {
                    return remainder;
                }
            }
        }
        return null;
    }

    private ColumnBatch probe(ColumnBatch probe) {
        ColumnVector[] keys = keyColumns(probe, leftKeys);
        PositionPairs pairs = new PositionPairs();
        for (int row = 0; row < probe.rowCount(); row++) {
            if (hasNullKey(keys, row)) {
                continue;
            }
            int group = hash.groupId(keys, row, false);
            if (group < 0) {
                continue;
            }
            for (int match = firstRowOfGroup[group]; match >= 0; match = nextRowInGroup[match]) {
                pairs.add(row, match);
            }
        }
        ColumnBatch candidates = assemble(probe, pairs.left, pairs.right, pairs.size);
        boolean[] leftMatched = new boolean[probe.rowCount()];
        PositionPairs kept = pairs;
        if (residual != null && pairs.size > 0) {
            ColumnVector condition = residual.evaluate(candidates);
            kept = new PositionPairs();
            for (int index = 0; index < pairs.size; index++) {
                if (!condition.isNull(index) && ((BooleanVector) condition).get(index)) {
                    kept.add(pairs.left[index], pairs.right[index]);
                }
            }
        }
        for (int index = 0; index < kept.size; index++) {
            leftMatched[kept.left[index]] = true;
            rightMatched[kept.right[index]] = true;
        }
        int matchedPairs = kept.size;
        if (type == JoinType.LEFT || type == JoinType.FULL) {
            for (int row = 0; row < probe.rowCount(); row++) {
                if (!leftMatched[row]) {
                    kept.add(row, -1);
                }
            }
        }
        boolean unchanged = kept == pairs && kept.size == matchedPairs;
        return unchanged ? candidates : assemble(probe, kept.left, kept.right, kept.size);
    }

    private ColumnBatch assemble(ColumnBatch probe, int[] leftPositions, int[] rightPositions, int count) {
        List<ColumnVector> columns = new ArrayList<>(outputTypes.size());
        for (int channel = 0; channel < leftTypes.size(); channel++) {
            columns.add(Vectors.gather(probe.column(channel), leftTypes.get(channel), leftPositions, count));
        }
        for (int channel = 0; channel < rightTypes.size(); channel++) {
            columns.add(Vectors.gather(build.column(channel), rightTypes.get(channel), rightPositions, count));
        }
        return Vectors.batch(count, columns);
    }

    private ColumnBatch unmatchedRight() {
        PositionPairs pairs = new PositionPairs();
        for (int row = 0; row < build.rowCount(); row++) {
            if (!rightMatched[row]) {
                pairs.add(-1, row);
            }
        }
        List<ColumnVector> columns = new ArrayList<>(outputTypes.size());
        for (SqlType leftType : leftTypes) {
            columns.add(Vectors.constant(leftType, null, pairs.size));
        }
        for (int channel = 0; channel < rightTypes.size(); channel++) {
            columns.add(Vectors.gather(build.column(channel), rightTypes.get(channel), pairs.right, pairs.size));
        }
        return Vectors.batch(pairs.size, columns);
    }

    @Override
    public void close() {
        context.adjustMemory(-reserved);
        reserved = 0;
        left.close();
        right.close();
    }

    /** Growable parallel arrays of (left row, right row); -1 means no row (NULLs). */
    private static final class PositionPairs {
        int[] left = new int[64];
        int[] right = new int[64];
        int size;

        void add(int leftRow, int rightRow) {
            if (size == left.length) {
                left = Arrays.copyOf(left, size * 2);
                right = Arrays.copyOf(right, size * 2);
            }
            left[size] = leftRow;
            right[size] = rightRow;
            size++;
        }
    }
}
