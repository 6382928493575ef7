package io.strata.tier.shard;

import io.strata.core.model.SeriesKey;
import io.strata.tier.memory.TableReference;

/**
 * How a table is cut into partitions (time slot × partition-key bucket), as the partitioner
 * decides it; the shard needs it to know which memory rows a {@code Seal} or {@code Expire} of a
 * partition covers. Implemented over the partitioner's {@code PartitionFunction} by the module that
 * wires a shard (raft-node): tier-manager may not depend on the partitioner.
 *
 * <p><b>Contract:</b> a pure function of its arguments — the same answer on every replica, every
 * call, every version (it decides replicated state). Called on the shard's apply thread only;
 * {@link #keyBucket} once per new series, {@link #slotWidthNanos} once per seal/expire.
 */
public interface PartitionLayout {
    /** Width of the table's time slots: slot {@code s} holds times {@code [s × width, (s + 1) × width)}. */
    long slotWidthNanos(TableReference table);

    /** The partition-key bucket of a series of the table. */
    int keyBucket(TableReference table, SeriesKey series);
}
