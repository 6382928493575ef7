package io.strata.query.function.aggregate;

import io.strata.core.batch.ColumnVector;

/**
 * The state of one aggregate call (e.g. {@code avg(cpu)}) for every group of a hash aggregation,
 * kept in primitive arrays indexed by a dense group id. A shard feeds raw rows with {@link #add}
 * and ships {@link #serializePartial} per group; the coordinator feeds those bytes into its own
 * accumulator with {@link #mergePartial} and reads {@link #finalResult}. Merging partial states in
 * any split and any order gives the result one pass would (exactly for the exact aggregates,
 * within the documented bound for the approximate ones).
 *
 * <p>Contract: not thread-safe — one accumulator belongs to one operator thread. The caller first
 * raises the group count with {@link #ensureGroupCount} (group ids are {@code 0..groupCount-1},
 * ids never shrink), then calls {@code add}/{@code mergePartial} for ids below it. Calls are not
 * idempotent: adding a batch or merging a partial twice counts it twice. {@code add} allocates no
 * object per row. A group that received nothing yields the aggregate's empty result (0 for the
 * counts, NULL for the rest).
 */
public interface GroupedAccumulator {

    /** Makes room for group ids {@code 0..groupCount-1}; new groups start empty. */
    void ensureGroupCount(int groupCount);

    /** The number of groups room has been made for. */
    int groupCount();

    /**
     * Folds rows {@code 0..rowCount-1} into their groups: row {@code r} belongs to group
     * {@code groupIds[r]}; {@code arguments} are the aggregate's argument columns, in call order
     * (none for {@code count(*)}).
     */
    void add(int[] groupIds, ColumnVector[] arguments, int rowCount);

    /** The group's partial state as bytes for {@link #mergePartial}; a self-contained copy. */
    byte[] serializePartial(int group);

    /** Folds a partial state produced by {@link #serializePartial} of the same aggregate into {@code group}. */
    void mergePartial(int group, byte[] partial);

    /**
     * The group's result: {@code Long} for BIGINT and TIMESTAMP (nanoseconds), {@code Double},
     * {@code Boolean}, {@code String}, {@code java.util.List} for arrays, a time series for
     * {@code create_time_series}; {@code null} for NULL.
     */
    Object finalResult(int group);
}
