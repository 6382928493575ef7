package io.strata.bench.cluster;

import io.strata.api.v1.Dimension;
import io.strata.partition.PartitionFunction;
import io.strata.partition.PartitionKey;
import io.strata.partition.PartitionRouter;
import io.strata.partition.PartitionSettings;
import io.strata.placement.GroupId;
import io.strata.placement.Placement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Picks records that all land on one Raft group, by the same partition function and router the
 * coordinators use for a table with the default (measure-name) partition key: hashed by series,
 * one-day time slots. Lets a benchmark put steady writes on the group whose leader it kills.
 */
final class GroupTargeting {
    private GroupTargeting() {}

    /**
     * A start time at least {@code ago} in the past whose slot also holds the next {@code span}, so
     * records stamped from it onwards stay in one partition per series for the whole run.
     */
    static Instant startInOneSlot(Instant now, Duration ago, Duration span) {
        PartitionFunction partitions = partitions();
        long startNanos = toNanos(now.minus(ago));
        long slot = partitions.timeSlotOf(startNanos);
        long endSlot = partitions.timeSlotOf(startNanos + span.toNanos());
        if (endSlot != slot) {
            startNanos = partitions.slotStartNanos(endSlot) + 1_000_000_000L;
        }
        return Instant.ofEpochSecond(0, startNanos);
    }

    /** The first {@code count} host numbers (from 0) whose cpu series at {@code time} land on {@code group}. */
    static List<Integer> hostsOn(Placement placement, GroupId group, Instant time, int count) {
        PartitionFunction partitions = partitions();
        PartitionRouter router = PartitionRouter.of(placement);
        List<Integer> hosts = new ArrayList<>();
        for (int host = 0; hosts.size() < count; host++) {
            if (host > 1_000_000) {
                throw new IllegalStateException("no " + count + " hosts land on " + group);
            }
            SortedMap<String, String> dimensions = new TreeMap<>();
            for (Dimension dimension : CpuRecordSource.dimensions(host)) {
                dimensions.put(dimension.getName(), dimension.getValue());
            }
            if (router.groupOf(partitions.partitionOf(toNanos(time), CpuRecordSource.MEASURE_NAME, dimensions))
                    .equals(group)) {
                hosts.add(host);
            }
        }
        return hosts;
    }

    private static PartitionFunction partitions() {
        return new PartitionFunction(CpuTable.DATABASE, CpuTable.TABLE, PartitionSettings.defaultsWithKey(PartitionKey.series()));
    }

    private static long toNanos(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }
}
