package io.strata.raft.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.PartitionId;
import io.strata.internal.v1.Seal;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.partition.PartitionSettings;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import io.strata.raft.server.RaftNode;
import io.strata.raft.server.RaftNodeSettings;
import io.strata.tier.memory.TableReference;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real Ratis nodes hosting a shard with the magnetic tier: sealed and late rows reach a
 * follower that was down while the log was purged, through a snapshot that carries the segments.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class MagneticCatchUpTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final GroupId GROUP = GroupId.named("magnetic-catch-up");
    private static final TableReference TABLE = new TableReference("database", "table", "table-1");
    private static final long HOUR = 3_600_000_000_000L;
    /** Enough entries to fill and close log segments, so that snapshots purge what the follower missed. */
    private static final int FILLER_WRITES = 150;
    private static final long INGEST = 1_700_000_000_000_000_000L;
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE));

    @TempDir
    Path root;

    @Test
    void aFollowerThatMissedPurgedSealsAndLateWritesGetsTheSegmentsFromASnapshot() throws Exception {
        List<RaftNodeSettings> settings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            settings.add(RaftNodeSettings.defaults(new NodeEndpoint("node-" + i, "127.0.0.1", freePort()),
                    root.resolve("node-" + i)).withSnapshotEveryEntries(20).withLogSegmentSizeBytes(16 * 1024)
                    .withLogPurgeGap(10));
        }
        List<NodeEndpoint> peers = settings.stream().map(RaftNodeSettings::endpoint).toList();
        ShardStoreReplicas[] replicas = new ShardStoreReplicas[3];
        RaftNode[] nodes = new RaftNode[3];
        try (GroupClient client = new GroupClient(GROUP, peers, Duration.ofSeconds(30))) {
            for (int i = 0; i < 3; i++) {
                replicas[i] = new ShardStoreReplicas(ShardStoreSettings.defaults());
                nodes[i] = new RaftNode(settings.get(i), replicas[i]);
                nodes[i].start();
                nodes[i].addGroup(GROUP, peers);
            }
            client.submit(write(0, 4, INGEST - 30 * HOUR, 48, 1.0)).get(60, TimeUnit.SECONDS);
            int follower = await().atMost(WAIT).until(() -> {
                for (int i = 0; i < 3; i++) {
                    if (!nodes[i].isLeader(GROUP)) {
                        return i;
                    }
                }
                return -1;
            }, index -> index >= 0);
            nodes[follower].close();
            nodes[follower] = null;

            // Old rows into memory, then sealed; late rows straight to the magnetic tier; then enough
            // entries for the others to snapshot and purge the log past everything the follower missed.
            client.submit(write(4, 4, INGEST - 30 * HOUR, 48, 2.0)).get(60, TimeUnit.SECONDS);
            long width = PartitionSettings.defaults().slotWidthNanos();
            long slot = Math.floorDiv(INGEST - 30 * HOUR, width);
            for (int bucket : buckets()) {
                client.submit(seal(slot, bucket, INGEST - 24 * HOUR)).get(60, TimeUnit.SECONDS);
            }
            client.submit(write(20, 3, INGEST - 72 * HOUR, 1, 3.0)).get(60, TimeUnit.SECONDS);
            int alive = (follower + 1) % 3;
            long missed = replicas[alive].replica(GROUP).orElseThrow().lastAppliedIndex();
            for (int i = 0; i < FILLER_WRITES; i++) {
                client.submit(write(100 + i * 10, 10, INGEST, 24, 4.0)).get(60, TimeUnit.SECONDS);
            }
            for (int i = 0; i < 3; i++) {
                if (i != follower) {
                    int node = i;
                    await().atMost(WAIT).until(() -> nodes[node].status(GROUP).orElseThrow().logStartIndex() > missed);
                }
            }

            nodes[follower] = new RaftNode(settings.get(follower), replicas[follower] =
                    new ShardStoreReplicas(ShardStoreSettings.defaults()));
            nodes[follower].start();
            long target = replicas[alive].replica(GROUP).orElseThrow().lastAppliedIndex();
            ShardStoreReplicas caughtUp = replicas[follower];
            await().atMost(WAIT).until(() -> caughtUp.replica(GROUP)
                    .map(replica -> replica.lastAppliedIndex() >= target).orElse(false));

            assertThat(nodes[follower].status(GROUP).orElseThrow().snapshotIndex())
                    .as("the follower caught up through a snapshot").isGreaterThan(missed);
            List<String> expected = rows(replicas[alive]);
            assertThat(expected).hasSize(8 + 3 + 10 * FILLER_WRITES);
            assertThat(rows(replicas[follower])).isEqualTo(expected);
            Path blobs = root.resolve("node-" + follower);
            try (Stream<Path> files = Files.walk(blobs)) {
                assertThat(files.filter(file -> file.toString().contains(MagneticBlobStores.LOCAL_DIRECTORY))
                        .filter(file -> file.toString().endsWith(".seg")).count())
                        .as("the follower's own blob store holds segments").isPositive();
            }
        } finally {
            for (RaftNode node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
        }
    }

    /** The key buckets of the series written before the seal (hosts 0..7). */
    private static List<Integer> buckets() {
        SeriesPartitionLayout layout = new SeriesPartitionLayout();
        TreeSet<Integer> buckets = new TreeSet<>();
        for (int host = 0; host < 8; host++) {
            buckets.add(layout.keyBucket(TABLE, io.strata.core.model.SeriesKey.of(
                    new io.strata.core.model.MeasureName("cpu"),
                    new io.strata.core.model.Dimension("host", "host-" + host))));
        }
        return List.copyOf(buckets);
    }

    private static byte[] write(int firstHost, int hosts, long time, long memoryHours, double value) {
        WriteBatch.Builder batch = WriteBatch.newBuilder().setDatabaseName(TABLE.databaseName())
                .setTableName(TABLE.tableName()).setTableId(TABLE.tableId()).setIngestTimeNanos(INGEST)
                .setSettings(TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(memoryHours)
                        .setMagneticStoreRetentionDays(30).setEnableMagneticStoreWrites(true));
        for (int i = 0; i < hosts; i++) {
            batch.addRecords(StoredRecord.newBuilder()
                    .addDimensions(StoredDimension.newBuilder().setName("host").setValue("host-" + (firstHost + i)))
                    .setMeasureName("cpu").setTimeNanos(time).setVersion(1)
                    .setValue(TypedValue.newBuilder().setDoubleValue(value)).setRequestIndex(i));
        }
        return ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray();
    }

    private static byte[] seal(long slot, int bucket, long upTo) {
        return ShardCommand.newBuilder().setSeal(Seal.newBuilder().setUpToNanos(upTo).setPartition(
                PartitionId.newBuilder().setDatabaseName(TABLE.databaseName()).setTableName(TABLE.tableName())
                        .setTableId(TABLE.tableId()).setTimeSlot(slot).setKeyBucket(bucket))).build().toByteArray();
    }

    private static List<String> rows(ShardStoreReplicas replicas) {
        List<String> rows = new ArrayList<>();
        ShardScan scan = replicas.replica(GROUP).orElseThrow().scan(ScanRequest.all(TABLE.tableId(), COLUMNS));
        while (scan.hasNext()) {
            ColumnBatch batch = scan.next();
            for (int row = 0; row < batch.rowCount(); row++) {
                rows.add(((VarcharVector) batch.column("host")).get(row) + "@"
                        + ((LongVector) batch.column(TableColumn.TIME)).get(row) + "="
                        + ((DoubleVector) batch.column("measure_value::double")).get(row));
            }
        }
        return rows;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
