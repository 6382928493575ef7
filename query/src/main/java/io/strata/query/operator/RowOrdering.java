package io.strata.query.operator;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.Vectors;
import io.strata.query.plan.SortKey;
import java.util.List;

/**
 * Orders rows of one materialised batch by sort keys, and sorts arrays of row positions with a
 * stable merge sort over primitives (no boxing, no object per row).
 */
final class RowOrdering {
    private final ColumnVector[] columns;
    private final boolean[] ascending;
    private final boolean[] nullsFirst;

    RowOrdering(ColumnBatch batch, List<SortKey> keys) {
        columns = new ColumnVector[keys.size()];
        ascending = new boolean[keys.size()];
        nullsFirst = new boolean[keys.size()];
        for (int index = 0; index < keys.size(); index++) {
            SortKey key = keys.get(index);
            columns[index] = batch.column(key.channel());
            ascending[index] = key.ascending();
            nullsFirst[index] = key.nullsFirst();
        }
    }

    int compare(int left, int right) {
        for (int index = 0; index < columns.length; index++) {
            ColumnVector column = columns[index];
            boolean leftNull = column.isNull(left);
            boolean rightNull = column.isNull(right);
            int comparison;
            if (leftNull || rightNull) {
                if (leftNull && rightNull) {
                    continue;
                }
                comparison = leftNull == nullsFirst[index] ? -1 : 1;
                return comparison; // NULL placement does not flip with DESC
            }
            comparison = Vectors.compareValues(column, left, column, right);
            if (comparison != 0) {
                return ascending[index] ? comparison : -comparison;
            }
        }
        return 0;
    }

    /** Positions {@code 0..count-1} sorted. */
    int[] sortedPositions(int count) {
        int[] positions = new int[count];
        for (int index = 0; index < count; index++) {
            positions[index] = index;
        }
        sort(positions, count);
        return positions;
    }

    void sort(int[] positions, int count) {
        int[] buffer = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int start = 0; start < count; start += 2 * width) {
                int middle = Math.min(start + width, count);
                int end = Math.min(start + 2 * width, count);
                int left = start;
                int right = middle;
                int out = start;
                while (left < middle && right < end) {
                    buffer[out++] = compare(positions[right], positions[left]) < 0 ? positions[right++] : positions[left++];
                }
                while (left < middle) {
                    buffer[out++] = positions[left++];
                }
                while (right < end) {
                    buffer[out++] = positions[right++];
                }
            }
            System.arraycopy(buffer, 0, positions, 0, count);
        }
    }
}
