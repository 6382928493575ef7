package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnType;
import io.strata.core.batch.ColumnVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code array_agg(x)}: the group's x values, NULLs included, in the order they were added (local
 * rows in row order, then merged partials in merge order). NULL for a group without rows.
 *
 * <p>Values of all groups live in one typed store indexed by entry; each group is a linked list of
 * entries through {@code next}, so adding a row allocates no object.
 */
public final class ArrayAggregateAccumulator implements GroupedAccumulator {
    private static final int NONE = -1;

    private final GroupedValues entries;
    private int[] next = new int[0];
    private int entryCount;
    private int[] heads = new int[0];
    private int[] tails = new int[0];
    private int[] sizes = new int[0];
    private int groupCount;

    public ArrayAggregateAccumulator(ColumnType type) {
        this.entries = GroupedValues.of(type);
    }

    @Override
    public void ensureGroupCount(int groupCount) {
        int length = GroupCapacity.grown(heads.length, groupCount);
        if (length != heads.length) {
            int old = heads.length;
            heads = Arrays.copyOf(heads, length);
            tails = Arrays.copyOf(tails, length);
            sizes = Arrays.copyOf(sizes, length);
            Arrays.fill(heads, old, length, NONE);
            Arrays.fill(tails, old, length, NONE);
        }
        this.groupCount = Math.max(this.groupCount, groupCount);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    private int appendEntry(int group) {
        int entry = entryCount++;
        if (entry == next.length) {
            int length = GroupCapacity.grown(next.length, entry + 1);
            next = Arrays.copyOf(next, length);
            entries.ensureGroupCount(length);
        }
        next[entry] = NONE;
        if (heads[group] == NONE) {
            heads[group] = entry;
        } else {
            next[tails[group]] = entry;
        }
        tails[group] = entry;
        sizes[group]++;
        return entry;
    }

    @Override
    public void add(int[] groupIds, ColumnVector[] arguments, int rowCount) {
        ColumnVector values = arguments[0];
        for (int row = 0; row < rowCount; row++) {
            entries.setFromRow(appendEntry(groupIds[row]), values, row);
        }
    }

    @Override
    public byte[] serializePartial(int group) {
        PartialStateWriter out = new PartialStateWriter().writeInt(sizes[group]);
        for (int entry = heads[group]; entry != NONE; entry = next[entry]) {
            entries.write(entry, out);
        }
        return out.toByteArray();
    }

    @Override
    public void mergePartial(int group, byte[] partial) {
        PartialStateReader in = new PartialStateReader(partial);
        int size = in.readInt();
        for (int i = 0; i < size; i++) {
            entries.read(appendEntry(group), in);
        }
    }

    @Override
    public Object finalResult(int group) {
        if (sizes[group] == 0) {
            return null;
        }
        List<Object> values = new ArrayList<>(sizes[group]);
        for (int entry = heads[group]; entry != NONE; entry = next[entry]) {
            values.add(entries.get(entry));
        }
        return values;
    }
}
