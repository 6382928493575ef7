package io.strata.partition;

import static io.strata.partition.PartitionFunctionTest.dims;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.placement.GroupId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PartitionPrunerTest {
    private static final long DAY = Duration.ofDays(1).toNanos();
    private final PartitionFunction byHost =
            new PartitionFunction("db", "metrics", PartitionSettings.defaultsWithKey(PartitionKey.dimension("host")));
    private final PartitionPruner pruner = new PartitionPruner(byHost, new PartitionRouter(7));

    @Test
    void timeRangeSelectsTheSlotsItOverlaps() {
        PartitionSelection selection = pruner.select(2 * DAY + 10, 4 * DAY, Optional.empty());
        assertThat(selection.firstSlot()).isEqualTo(2);
        assertThat(selection.lastSlot()).isEqualTo(3); // the end is exclusive
        assertThat(selection.buckets()).hasSize(16);
        assertThat(selection.partitions()).hasSize(2 * 16);
        assertThat(pruner.select(5, 5, Optional.empty()).isEmpty()).isTrue();
    }

    @Test
    void keyEqualityPinsOneBucketAndFewGroups() {
        PartitionSelection selection = pruner.select(0, DAY, Optional.of("host-42"));
        assertThat(selection.buckets()).containsExactly(byHost.bucketOfKeyValue("host-42"));
        assertThat(pruner.groupsToVisit(selection)).hasSize(1);
    }

    @Test
    void equalityCannotPruneASeriesKeyedTable() {
        PartitionFunction bySeries = new PartitionFunction("db", "metrics", PartitionSettings.defaults());
        PartitionPruner seriesPruner = new PartitionPruner(bySeries, new PartitionRouter(7));
        PartitionSelection selection = seriesPruner.select(0, DAY, Optional.of("host-42"));
        assertThat(selection.buckets()).hasSize(16);
        assertThat(seriesPruner.groupsToVisit(selection)).hasSize(7);
    }

    @Test
    void unboundedRangesDoNotMaterializePartitions() {
        PartitionSelection selection = pruner.select(Long.MIN_VALUE, Long.MAX_VALUE, Optional.empty());
        assertThat(selection.lastSlot() - selection.firstSlot()).isGreaterThan(100_000);
        assertThat(pruner.groupsToVisit(selection)).hasSize(7);
    }

    @Test
    void aTableWithAtLeastAsManyBucketsAsGroupsUsesEveryGroup() {
        PartitionRouter router = new PartitionRouter(16);
        Set<GroupId> groups = new HashSet<>();
        IntStream.range(0, 16).forEach(bucket -> groups.add(router.groupOf("db", "table", bucket)));
        assertThat(groups).hasSize(16);
    }

    @Test
    void routeIsPinned() {
        // xxh64(len("db")"db" len("table")"table") = 0x8004aaeacbcd7828; mod 7 = 6
        PartitionRouter router = new PartitionRouter(7);
        assertThat(router.groupOf("db", "table", 0)).isEqualTo(new GroupId(6));
        assertThat(router.groupOf("db", "table", 6)).isEqualTo(new GroupId(5));
        assertThat(router.groupOf(new PartitionId("db", "table", 99, 3))).isEqualTo(new GroupId(2));
    }

    /** Pruning is conservative: the partition of any row the predicate matches is selected. */
    @Property(tries = 500)
    void everyMatchingRowIsInTheSelection(
            @ForAll @LongRange(min = 0, max = 40 * 86_400_000_000_000L) long from,
            @ForAll @LongRange(min = 0, max = 10 * 86_400_000_000_000L) long length,
            @ForAll @LongRange(min = 0, max = 10 * 86_400_000_000_000L) long offset,
            @ForAll @AlphaChars @StringLength(min = 1, max = 12) String host) {
        long rowTime = from + Math.min(offset, Math.max(0, length - 1));
        PartitionSelection selection = pruner.select(from, from + length, Optional.of(host));
        PartitionId row = byHost.partitionOf(rowTime, "cpu", dims("host", host, "az", "a"));
        assertThat(selection.contains(row)).isEqualTo(length > 0);
        if (length > 0) {
            assertThat(pruner.groupsToVisit(selection)).contains(new PartitionRouter(7).groupOf(row));
        }
    }
}
