package io.strata.raft.shard;

import io.strata.core.model.Dimension;
import io.strata.core.model.SeriesKey;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionSettings;
import io.strata.tier.memory.TableReference;
import io.strata.tier.shard.PartitionLayout;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The partition layout of a shard, over the partitioner's {@link PartitionFunction}: the default
 * time slot width ({@link PartitionSettings#DEFAULT_SLOT_WIDTH}) and bucket count, and the bucket of
 * a series by the series hash ({@link io.strata.partition.PartitionKey#series()}).
 *
 * <p>Why the series hash for every table: the layout decides replicated state, so it may use only
 * what the commands carry, and a {@code WriteBatch} does not carry the table's partition key. For a
 * table partitioned by a dimension the shard's buckets therefore differ from the coordinator's
 * routing buckets; seals and expiry proposed for such a table must name buckets of this layout.
 *
 * <p>A pure function of its arguments, stateless and thread-safe.
 */
public final class SeriesPartitionLayout implements PartitionLayout {
    private static final PartitionSettings SETTINGS = PartitionSettings.defaults();

    @Override
    public long slotWidthNanos(TableReference table) {
        return SETTINGS.slotWidthNanos();
    }

    @Override
    public int keyBucket(TableReference table, SeriesKey series) {
        SortedMap<String, String> dimensions = new TreeMap<>();
        for (Dimension dimension : series.dimensions()) {
            dimensions.put(dimension.name(), dimension.value());
        }
        return new PartitionFunction(table.databaseName(), table.tableName(), SETTINGS)
                .bucketOf(series.measureName().value(), dimensions);
    }
}
