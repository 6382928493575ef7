package io.strata.tier.shard;

import io.strata.core.model.SeriesKey;
import io.strata.tier.memory.TableReference;

/**
 * The partitioner's default cut for tests: one-day slots, buckets by the {@code host} dimension
 * (a stable hash of its value). Deterministic, as the real layout must be.
 */
record DayByHostLayout(int buckets) implements PartitionLayout {
    @Override
    public long slotWidthNanos(TableReference table) {
        return Commands.DAY;
    }

    @Override
    public int keyBucket(TableReference table, SeriesKey series) {
        String host = series.dimensionValue("host");
        return host == null ? 0 : Math.floorMod(host.hashCode(), buckets);
    }
}
