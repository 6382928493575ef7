package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import java.util.Arrays;

/**
 * {@code max_by(x, y)} / {@code min_by(x, y)}: the x of the row with the largest (smallest) y.
 * Rows whose y is NULL are ignored; x may be NULL and is then the answer if its row wins.
 *
 * <p>Ties on y are broken deterministically, so the result does not depend on row order or on how
 * rows were split across shards: among the tied rows the smallest non-null x wins, and NULL x only
 * if every tied x is NULL. (Trino picks an arbitrary tied row; any of its answers is one of ours.)
 */
public final class ExtremeByAccumulator implements GroupedAccumulator {
    private final boolean keepsMaximum;
    private final GroupedValues results;
    private final GroupedValues keys;
    private final GroupedValues incomingResult;
    private final GroupedValues incomingKey;
    private boolean[] present = new boolean[0];
    private int groupCount;

    private ExtremeByAccumulator(ColumnType resultType, ColumnType keyType, boolean keepsMaximum) {
        this.keepsMaximum = keepsMaximum;
        this.results = GroupedValues.of(resultType);
        this.keys = GroupedValues.of(keyType);
        this.incomingResult = GroupedValues.of(resultType);
        this.incomingKey = GroupedValues.of(keyType);
        incomingResult.ensureGroupCount(1);
        incomingKey.ensureGroupCount(1);
    }

    /** {@code max_by(x, y)} with x of {@code resultType} and y of {@code keyType}. */
    public static ExtremeByAccumulator maxBy(ColumnType resultType, ColumnType keyType) {
        return new ExtremeByAccumulator(resultType, keyType, true);
    }

    public static ExtremeByAccumulator minBy(ColumnType resultType, ColumnType keyType) {
        return new ExtremeByAccumulator(resultType, keyType, false);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        results.ensureGroupCount(groupCount);
        keys.ensureGroupCount(groupCount);
        present = Arrays.copyOf(present, GroupCapacity.grown(present.length, groupCount));
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        ColumnVector resultColumn = arguments[0];
        ColumnVector keyColumn = arguments[1];
        for (int row = 0; row < rowCount; row++) {
            if (keyColumn.isNull(row)) {
                continue;
            }
            int group = groupIds[row];
            if (!present[group] || candidateWins(keys.compareToRow(group, keyColumn, row), group, resultColumn, row)) {
                keys.setFromRow(group, keyColumn, row);
                results.setFromRow(group, resultColumn, row);
                present[group] = true;
            }
        }
    }

    private boolean candidateWins(int currentKeyComparedToCandidate, int group, ColumnVector resultColumn, int row) {
        if (currentKeyComparedToCandidate != 0) {
            return keepsMaximum ? currentKeyComparedToCandidate < 0 : currentKeyComparedToCandidate > 0;
        }
        if (resultColumn.isNull(row)) {
            return false;
        }
        return results.isNull(group) || results.compareToRow(group, resultColumn, row) > 0;
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeBoolean(present[group]);
        if (present[group]) {
            keys.write(group, out);
            results.write(group, out);
        }
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        if (!in.readBoolean()) {
            return;
        }
        incomingKey.read(0, in);
        incomingResult.read(0, in);
        boolean wins;
        if (!present[group]) {
            wins = true;
        } else {
            int comparison = keys.compareToGroup(group, incomingKey, 0);
            if (comparison != 0) {
                wins = keepsMaximum ? comparison < 0 : comparison > 0;
            } else {
                wins = !incomingResult.isNull(0)
                        && (results.isNull(group) || results.compareToGroup(group, incomingResult, 0) > 0);
            }
        }
        if (wins) {
            keys.copyFromGroup(group, incomingKey, 0);
            results.copyFromGroup(group, incomingResult, 0);
            present[group] = true;
        }
    }

    @Override
    public Object finalResult(int group) {
        return present[group] ? results.get(group) : null;
    }
}
