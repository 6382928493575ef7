package io.strata.partition;

import io.strata.placement.GroupId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Which partitions and Raft groups a query must visit, from its time range and an optional
 * equality on the table's partition-key column. Pruning is conservative: it never drops a
 * partition that could hold a matching row. An equality on a series-keyed table (no composite
 * partition key) cannot pin a bucket and is ignored.
 *
 * <p>A row whose partition-key dimension is absent hashes like no key at all; it can never match
 * {@code key = 'value'}, so pruning on equality stays exact. Thread-safe and immutable.
 */
public final class PartitionPruner {
    private final PartitionFunction function;
    private final PartitionRouter router;

    public PartitionPruner(PartitionFunction function, PartitionRouter router) {
        this.function = Objects.requireNonNull(function, "function");
        this.router = Objects.requireNonNull(router, "router");
    }

    /**
     * @param fromNanosInclusive first instant of interest ({@link Long#MIN_VALUE}: unbounded)
     * @param toNanosExclusive   end of the range, exclusive ({@link Long#MAX_VALUE}: unbounded)
     * @param keyEquals          the value the partition-key column must equal, if the query says so
     */
    public PartitionSelection select(long fromNanosInclusive, long toNanosExclusive, Optional<String> keyEquals) {
        if (toNanosExclusive <= fromNanosInclusive) {
            return PartitionSelection.none(function.database(), function.table());
        }
        long firstSlot = function.timeSlotOf(fromNanosInclusive);
        long lastSlot = toNanosExclusive == Long.MAX_VALUE
                ? function.timeSlotOf(Long.MAX_VALUE)
                : function.timeSlotOf(toNanosExclusive - 1);
        List<Integer> buckets = keyEquals.isPresent() && function.settings().key().prunableByEquality()
                ? List.of(function.bucketOfKeyValue(keyEquals.get()))
                : IntStream.range(0, function.settings().bucketCount()).boxed().toList();
        return new PartitionSelection(function.database(), function.table(), firstSlot, lastSlot, buckets);
    }

    /** The groups holding {@code selection}'s partitions, ascending. */
    public Set<GroupId> groupsToVisit(PartitionSelection selection) {
        Set<GroupId> groups = new TreeSet<>();
        if (!selection.isEmpty()) {
            selection.buckets().forEach(bucket ->
                    groups.add(router.groupOf(selection.database(), selection.table(), bucket)));
        }
        return groups;
    }
}
