package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;

/** Test driving: runs an accumulator over whole columns, all rows in one group or split by given ids. */
final class Accumulators {
    private Accumulators() {}

    static Object singleGroup(GroupedAccumulator accumulator, ColumnVector... columns) {
        accumulator.ensureGroupCount(1);
        int rows = columns.length == 0 ? 0 : columns[0].size();
        accumulator.add(new int[rows], columns, rows);
        return accumulator.finalResult(0);
    }

    static Object countRows(GroupedAccumulator accumulator, int rows) {
        accumulator.ensureGroupCount(1);
        accumulator.add(new int[rows], new ColumnVector[0], rows);
        return accumulator.finalResult(0);
    }
}
