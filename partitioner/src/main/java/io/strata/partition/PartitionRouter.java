package io.strata.partition;

import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Maps a partition to the Raft group that stores it:
 * {@code group = (offset(database, table) + bucket) mod groupCount}, where {@code offset} is the
 * xxHash64 of the length-prefixed UTF-8 database and table names. The offset keeps bucket 0 of
 * every table from landing on group 0; consecutive buckets land on consecutive groups, so a table
 * with at least as many buckets as there are groups uses every group.
 *
 * <p>The time slot is deliberately not part of the route: all slots of a bucket live in the same
 * group, so a series' history is one shard's scan and slot roll-over at midnight moves no data.
 * Load spreads across groups by bucket, which is where concurrent writes differ anyway (they all
 * share the current slot).
 *
 * <p>The group count is fixed when the cluster is created; changing it re-routes every bucket.
 * Thread-safe, immutable, allocation-free per call.
 */
public final class PartitionRouter {
    private static final ThreadLocal<XxHash64> HASHER = ThreadLocal.withInitial(XxHash64::new);

    private final List<GroupId> groups;

    public PartitionRouter(int groupCount) {
        if (groupCount < 1) {
            throw new IllegalArgumentException("group count must be >= 1, got " + groupCount);
        }
        this.groups = IntStream.range(0, groupCount).mapToObj(GroupId::new).toList();
    }

    /** A router over the groups of {@code placement}. */
    public static PartitionRouter of(Placement placement) {
        return new PartitionRouter(Objects.requireNonNull(placement, "placement").groupCount());
    }

    public int groupCount() {
        return groups.size();
    }

    public GroupId groupOf(PartitionId partition) {
        return groupOf(partition.database(), partition.table(), partition.bucket());
    }

    public GroupId groupOf(String database, String table, int bucket) {
        long offset = Long.remainderUnsigned(tableHash(database, table), groups.size());
        return groups.get((int) ((offset + bucket) % groups.size()));
    }

    private static long tableHash(String database, String table) {
        XxHash64 hasher = HASHER.get().reset(0);
        hasher.updateInt(XxHash64.utf8Length(database)).updateUtf8(database);
        hasher.updateInt(XxHash64.utf8Length(table)).updateUtf8(table);
        return hasher.digest();
    }
}
