package io.strata.raft.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import io.strata.core.batch.ColumnBatch;
import io.strata.core.batch.ColumnType;
import io.strata.core.batch.DoubleVector;
import io.strata.core.batch.LongVector;
import io.strata.core.batch.VarcharVector;
import io.strata.core.schema.ColumnRole;
import io.strata.core.schema.TableColumn;
import io.strata.internal.v1.ShardCommand;
import io.strata.internal.v1.StoredDimension;
import io.strata.internal.v1.StoredRecord;
import io.strata.internal.v1.TableWriteSettings;
import io.strata.internal.v1.TypedValue;
import io.strata.internal.v1.WriteBatch;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import io.strata.raft.server.RaftNode;
import io.strata.raft.server.RaftNodeSettings;
import io.strata.tier.shard.ScanRequest;
import io.strata.tier.shard.ShardScan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A follower whose data volume (a real tmpfs) fills up while the group keeps writing halts — it
 * neither skips the command it could not journal nor serves on short — and, once space is back,
 * its node reopens the group and it ends with exactly the records of its peers, also after a
 * restart. Before the fix the follower's division stayed closed until a restart, and an apply
 * failing with an exception was answered as a rejection and skipped for good.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ReplicaDiskFullTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final GroupId GROUP = GroupId.named("disk-full");
    /** Room for Ratis's preallocated log segments and the journal's first cycle file, and little more. */
    private static final long VOLUME_BYTES = 48L << 20;
    private static final int RECORDS_PER_WRITE = 20;
    private static final long INGEST = 1_700_000_000_000_000_000L;
    private static final List<TableColumn> COLUMNS = List.of(
            new TableColumn("host", ColumnType.VARCHAR, ColumnRole.DIMENSION),
            new TableColumn(TableColumn.TIME, ColumnType.TIMESTAMP, ColumnRole.TIME),
            new TableColumn("measure_value::double", ColumnType.DOUBLE, ColumnRole.MEASURE_VALUE));

    @TempDir
    Path root;

    @Disabled("Open bug (CHAOS.md bug 4): in about one run in three the follower ends one batch short"
            + " (3680 of 3700 records) after its disk filled and it halted and reopened; the apply-halt fix"
            + " alone does not close it. Enable once the replay past the halted index is fixed.")
    @Test
    void aFollowerWhoseDiskFilledUpHaltsThenCatchesUpWithEveryRecordOfItsPeers() throws Exception {
        assumeThat(isRoot()).as("needs root to mount a tmpfs").isTrue();
        List<RaftNodeSettings> settings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            settings.add(RaftNodeSettings.defaults(new NodeEndpoint("node-" + i, "127.0.0.1", freePort()),
                    root.resolve("node-" + i)));
        }
        List<NodeEndpoint> peers = settings.stream().map(RaftNodeSettings::endpoint).toList();
        ShardStoreReplicas[] replicas = new ShardStoreReplicas[3];
        RaftNode[] nodes = new RaftNode[3];
        List<Path> volumes = new ArrayList<>();
        try (GroupClient client = new GroupClient(GROUP, peers, Duration.ofSeconds(20))) {
            for (int i = 0; i < 3; i++) {
                volumes.add(mount(root.resolve("node-" + i), VOLUME_BYTES));
                replicas[i] = new ShardStoreReplicas(ShardStoreSettings.defaults());
                nodes[i] = new RaftNode(settings.get(i), replicas[i]);
                nodes[i].start();
                nodes[i].addGroup(GROUP, peers);
            }
            int written = 0;
            for (; written < 20; written++) {
                client.submit(write(written)).get(60, TimeUnit.SECONDS);
            }
            int follower = await().atMost(WAIT).until(() -> {
                for (int i = 0; i < 3; i++) {
                    if (!nodes[i].isLeader(GROUP)) {
                        return i;
                    }
                }
                return -1;
            }, index -> index >= 0);
            RaftNode full = nodes[follower];

            // The follower's volume fills up: its next journal append hits a hole it cannot back
            // (SIGBUS → InternalError in Chronicle) and it must halt instead of skipping the command.
            fill(volumes.get(follower));
            boolean halted = false;
            for (int round = 0; round < 500 && !halted; round++, written++) {
                client.submit(write(written)).get(60, TimeUnit.SECONDS);
                halted = full.halted(GROUP).isPresent();
            }
            assertThat(halted).as("the follower halted on the full disk").isTrue();
            assertThat(full.halted(GROUP)).get().asString().contains("halted");
            // The two others carry on as a quorum.
            for (int end = written + 20; written < end; written++) {
                client.submit(write(written)).get(60, TimeUnit.SECONDS);
            }

            release(volumes.get(follower));
            for (int end = written + 20; written < end; written++) {
                client.submit(write(written)).get(60, TimeUnit.SECONDS);
            }
            int reference = (follower + 1) % 3;
            List<String> expected = rows(replicas[reference]);
            assertThat(expected).hasSize(written * RECORDS_PER_WRITE);
            ShardStoreReplicas followerReplicas = replicas[follower];
            await().atMost(WAIT).untilAsserted(() -> assertThat(rows(followerReplicas))
                    .as("the follower, reopened by its node, holds every record").isEqualTo(expected));
            await().atMost(WAIT).until(() -> full.halted(GROUP).isEmpty());

            // And what it recorded is what a restart replays from.
            nodes[follower].close();
            nodes[follower] = new RaftNode(settings.get(follower),
                    replicas[follower] = new ShardStoreReplicas(ShardStoreSettings.defaults()));
            nodes[follower].start();
            ShardStoreReplicas restarted = replicas[follower];
            await().atMost(WAIT).untilAsserted(() -> assertThat(rows(restarted)).isEqualTo(expected));
        } finally {
            for (RaftNode node : nodes) {
                if (node != null) {
                    node.close();
                }
            }
            volumes.forEach(ReplicaDiskFullTest::unmount);
        }
    }

    private static boolean isRoot() {
        return "0".equals(run("id", "-u"));
    }

    private static Path mount(Path point, long bytes) throws IOException {
        Files.createDirectories(point);
        run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", point.toString());
        return point;
    }

    private static void unmount(Path point) {
        run("umount", "-l", point.toString());
    }

    private static long fill(Path volume) {
        long written = 0;
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(volume.resolve("filler"))) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException full) {
            return written;
        }
    }

    private static void release(Path volume) throws IOException {
        Files.deleteIfExists(volume.resolve("filler"));
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] write(int n) {
        WriteBatch.Builder batch = WriteBatch.newBuilder().setDatabaseName("database").setTableName("table")
                .setTableId("table-1").setIngestTimeNanos(INGEST)
                .setSettings(TableWriteSettings.newBuilder().setMemoryStoreRetentionHours(24)
                        .setMagneticStoreRetentionDays(30));
        for (int i = 0; i < RECORDS_PER_WRITE; i++) {
            batch.addRecords(StoredRecord.newBuilder()
                    .addDimensions(StoredDimension.newBuilder().setName("host").setValue("host-" + n + "-" + i))
                    .setMeasureName("cpu").setTimeNanos(INGEST - 1000).setVersion(1)
                    .setValue(TypedValue.newBuilder().setDoubleValue(n)).setRequestIndex(i));
        }
        return ShardCommand.newBuilder().setWriteBatch(batch).build().toByteArray();
    }

    private static List<String> rows(ShardStoreReplicas replicas) {
        List<String> rows = new ArrayList<>();
        ShardScan scan = replicas.replica(GROUP).orElseThrow().scan(ScanRequest.all("table-1", COLUMNS));
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
