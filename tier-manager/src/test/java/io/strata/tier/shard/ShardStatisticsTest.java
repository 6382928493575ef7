package io.strata.tier.shard;

import static io.strata.tier.shard.Commands.DAY;
import static io.strata.tier.shard.Commands.HOUR;
import static io.strata.tier.shard.Commands.INGEST;
import static io.strata.tier.shard.Commands.doubleRecord;
import static io.strata.tier.shard.Commands.seal;
import static io.strata.tier.shard.Commands.settings;
import static io.strata.tier.shard.Commands.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.strata.internal.v1.StoredRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statistics operators read follow what the shard holds: rows and bytes of the memory store,
 * segments and bytes of the magnetic store, and the migration lag against the table's retention,
 * through writes, seals, a restart and a snapshot install.
 */
class ShardStatisticsTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long OLD = INGEST - 20 * HOUR;
    private static final long OLD_SLOT = Math.floorDiv(OLD, DAY);

    @TempDir
    Path directory;

    @Test
    void writesAndSealsMoveTheSizesAndTheLag() {
        try (MagneticReplica replica = MagneticReplica.local(directory.resolve("one"))) {
            ShardStatistics statistics = replica.store.statistics();
            assertThat(statistics.memoryRows()).isZero();
            assertThat(statistics.migrationLagNanos(INGEST)).isZero();

            long index = writeHosts(replica.store, 0);

            assertThat(statistics.memoryRows()).isEqualTo(4 * 15).isEqualTo(replica.store.memoryUsage().rows());
            assertThat(statistics.memoryBytes()).isPositive().isEqualTo(replica.store.memoryUsage().bytes());
            assertThat(statistics.magneticSegments()).isZero();
            // Retention is 24 h: the oldest row (20 h old at ingest) is past it 4 h after ingest.
            assertThat(statistics.migrationLagNanos(INGEST)).isZero();
            assertThat(statistics.migrationLagNanos(INGEST + 4 * HOUR)).isZero();
            assertThat(statistics.migrationLagNanos(INGEST + 12 * HOUR)).isEqualTo(8 * HOUR);

            for (int bucket = 0; bucket < ShardStores.LAYOUT.buckets(); bucket++) {
                replica.store.apply(++index, seal(OLD_SLOT, bucket, INGEST - 13 * HOUR));
            }

            assertThat(statistics.memoryRows()).isEqualTo(4 * 5);
            assertThat(statistics.magneticSegments()).isPositive()
                    .isEqualTo(replica.magnetic.store().partitions().stream()
                            .mapToLong(partition -> replica.magnetic.store().manifest(partition).segments().size()).sum());
            assertThat(statistics.magneticBytes()).isEqualTo(replica.magnetic.store().partitions().stream()
                    .mapToLong(partition -> replica.magnetic.store().manifest(partition).sizeBytes()).sum());
            // What is left in memory was 1 h old at ingest: past the 24 h retention 23 h after ingest.
            assertThat(statistics.migrationLagNanos(INGEST + 12 * HOUR)).isZero();
            assertThat(statistics.migrationLagNanos(INGEST + 24 * HOUR)).isEqualTo(HOUR);
        }
    }

    @Test
    void aReopenedReplicaAndASnapshotInstallReportTheSameSizes() throws Exception {
        Path snapshot = directory.resolve("snapshot");
        long memoryRows;
        long memoryBytes;
        long segments;
        try (MagneticReplica replica = MagneticReplica.local(directory.resolve("source"))) {
            long index = writeHosts(replica.store, 0);
            replica.store.apply(++index, seal(OLD_SLOT, 0, INGEST));
            index = writeHosts(replica.store, index);
            replica.store.snapshot(index, snapshot);
            memoryRows = replica.store.statistics().memoryRows();
            memoryBytes = replica.store.statistics().memoryBytes();
            segments = replica.store.statistics().magneticSegments();
            assertThat(segments).isPositive();
        }
        try (MagneticReplica reopened = MagneticReplica.local(directory.resolve("source"))) {
            assertThat(reopened.store.statistics().memoryRows()).isEqualTo(memoryRows);
            assertThat(reopened.store.statistics().memoryBytes()).isEqualTo(memoryBytes);
            assertThat(reopened.store.statistics().magneticSegments()).isEqualTo(segments);
        }
        try (MagneticReplica installed = MagneticReplica.local(directory.resolve("target"))) {
            installed.store.installSnapshot(snapshot);
            assertThat(installed.store.statistics().memoryRows()).isEqualTo(memoryRows);
            assertThat(installed.store.statistics().memoryBytes()).isEqualTo(memoryBytes);
            assertThat(installed.store.statistics().magneticSegments()).isEqualTo(segments);
        }
    }

    /** Four hosts, each 10 rows 20 h before ingest and 5 rows 1 h before, retention 24 h. */
    private static long writeHosts(ShardStore store, long index) {
        for (int host = 0; host < 4; host++) {
            List<StoredRecord> records = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                records.add(doubleRecord("host-" + host, OLD + i * SECOND, 1, i));
            }
            for (int i = 0; i < 5; i++) {
                records.add(doubleRecord("host-" + host, INGEST - HOUR + i * SECOND, 1, -i));
            }
            store.apply(++index, write(INGEST, settings(24, 365, false),
                    records.toArray(StoredRecord[]::new)));
        }
        return index;
    }
}
