package io.strata.query.operator;

import io.strata.core.batch.ColumnVector;
import io.strata.query.expression.SqlType;
import java.util.Arrays;
import java.util.List;

/**
 * Assigns dense group ids (0, 1, ...) to distinct key tuples: an open-addressing table of group
 * ids over the keys stored column-wise in {@link GrowableColumn}s. {@link #groupIds} fills an
 * array for a whole batch; nothing is allocated per row. NULL keys form their own group. Not
 * thread-safe.
 */
final class GroupByHash {
    private final GrowableColumn[] keys;
    private int[] slots;
    private long[] groupHashes = new long[16];
    private int groupCount;
    private int mask;

    GroupByHash(List<SqlType> keyTypes) {
        keys = new GrowableColumn[keyTypes.size()];
        for (int index = 0; index < keys.length; index++) {
            keys[index] = new GrowableColumn(keyTypes.get(index));
        }
        slots = new int[1024];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
    }

    int groupCount() {
        return groupCount;
    }

    /** Fills {@code out[0..rowCount)} with the group id of each row, adding new groups. */
    void groupIds(ColumnVector[] keyColumns, int rowCount, int[] out) {
        for (int row = 0; row < rowCount; row++) {
            out[row] = groupId(keyColumns, row, true);
        }
    }

    /** The group of a row, or -1 if absent and {@code add} is false. */
    int groupId(ColumnVector[] keyColumns, int row, boolean add) {
        if (keys.length == 0) {
            if (groupCount == 0 && add) {
                groupCount = 1;
            }
            return groupCount == 0 ? -1 : 0;
        }
        long hash = GrowableColumn.hashRow(keyColumns, row);
        int slot = (int) hash & mask;
        while (true) {
            int group = slots[slot];
            if (group < 0) {
                if (!add) {
                    return -1;
                }
                return insert(keyColumns, row, hash, slot);
            }
            if (groupHashes[group] == hash && keysEqual(group, keyColumns, row)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean keysEqual(int group, ColumnVector[] keyColumns, int row) {
        for (int index = 0; index < keys.length; index++) {
            if (!keys[index].equalsRow(group, keyColumns[index], row)) {
                return false;
            }
        }
        return true;
    }

    private int insert(ColumnVector[] keyColumns, int row, long hash, int slot) {
        int group = groupCount++;
        for (int index = 0; index < keys.length; index++) {
            keys[index].append(keyColumns[index], row);
        }
        if (group == groupHashes.length) {
            groupHashes = Arrays.copyOf(groupHashes, group * 2);
        }
        groupHashes[group] = hash;
        slots[slot] = group;
        if (groupCount * 2 > slots.length) {
            rehash();
        }
        return group;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        Arrays.fill(slots, -1);
        mask = slots.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) groupHashes[group] & mask;
            while (slots[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = group;
        }
    }

    /** The key columns of groups {@code 0..groupCount-1}. */
    ColumnVector[] keyVectors() {
        ColumnVector[] vectors = new ColumnVector[keys.length];
        for (int index = 0; index < keys.length; index++) {
            vectors[index] = keys[index].build();
        }
        return vectors;
    }

    long estimatedBytes() {
        long bytes = slots.length * 4L + groupHashes.length * 8L;
        for (GrowableColumn key : keys) {
            bytes += key.estimatedBytes();
        }
        return bytes;
    }
}
