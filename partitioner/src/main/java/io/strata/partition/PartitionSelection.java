package io.strata.partition;

import java.util.List;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The partitions a query has to visit: every bucket in {@code buckets} of every slot from
 * {@code firstSlot} to {@code lastSlot} (inclusive). Kept as ranges, not a list of partitions,
 * because an unbounded time range spans tens of thousands of slots.
 *
 * @param buckets ascending bucket numbers; empty when nothing can match
 */
public record PartitionSelection(String database, String table, long firstSlot, long lastSlot, List<Integer> buckets) {
    public PartitionSelection {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(table, "table");
        buckets = List.copyOf(buckets);
    }

    public static PartitionSelection none(String database, String table) {
        return new PartitionSelection(database, table, 0, -1, List.of());
    }

    public boolean isEmpty() {
        return buckets.isEmpty() || lastSlot < firstSlot;
    }

    public boolean contains(PartitionId partition) {
        return !isEmpty() && partition.database().equals(database) && partition.table().equals(table)
                && partition.timeSlot() >= firstSlot && partition.timeSlot() <= lastSlot
                && buckets.contains(partition.bucket());
    }

    /** The partitions, slot by slot; lazy. */
    public Stream<PartitionId> partitions() {
        if (isEmpty()) {
            return Stream.empty();
        }
        return LongStream.rangeClosed(firstSlot, lastSlot).boxed()
                .flatMap(slot -> buckets.stream().map(bucket -> new PartitionId(database, table, slot, bucket)));
    }
}
