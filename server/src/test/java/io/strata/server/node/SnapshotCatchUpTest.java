package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.raft.GroupId;
import io.strata.raft.shard.ShardStoreSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that was down while its peers snapshotted and purged their logs past what it had applied
 * catches up from a shard-store snapshot shipped by the leader, and then holds exactly what they hold.
 */
class SnapshotCatchUpTest {
    private static final String DATABASE = "catch_up";
    private static final String TABLE = "cpu";
    private static final int RECORDS_PER_REQUEST = 10;

    @TempDir
    Path data;

    @Test
    void aNodeBehindThePurgedLogCatchesUpFromASnapshot() throws Exception {
        long now = System.currentTimeMillis();
        try (TestCluster cluster = new TestCluster(data, settings -> settings
                .withSnapshotEveryEntries(20)
                .withLogSegmentSizeBytes(16 * 1024)
                .withLogPurgeGap(5), ShardStoreSettings.defaults())) {
            cluster.awaitReady();
            cluster.admin(0).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(DATABASE).build());
            cluster.admin(0).createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE)
                    .setTableName(TABLE).build());
            int requests = 0;
            for (; requests < 5; requests++) {
                write(cluster, requests, now);
            }
            cluster.awaitIdenticalReplicas(DATABASE, TABLE, requests * RECORDS_PER_REQUEST, 0, 1, 2);
            List<GroupId> groups = cluster.groups();
            Map<GroupId, Long> appliedWhenStopped = new HashMap<>();
            for (GroupId group : groups) {
                appliedWhenStopped.put(group, cluster.node(2).raftNode().status(group).orElseThrow().lastAppliedIndex());
            }
            cluster.stop(2);

            for (; requests < 160; requests++) {
                write(cluster, requests, now);
            }
            // Both remaining peers purged their logs past the stopped node's position: whoever
            // leads can only bring it back with a snapshot.
            await("logs purged past the stopped node").atMost(TestCluster.WAIT).untilAsserted(() -> {
                for (GroupId group : groups) {
                    for (int node = 0; node < 2; node++) {
                        assertThat(cluster.node(node).raftNode().status(group).orElseThrow().logStartIndex())
                                .as("node %d, %s", node, group).isGreaterThan(appliedWhenStopped.get(group) + 1);
                    }
                }
            });

            cluster.start(2);
            cluster.awaitReady();
            List<ReplicaRows.Row> rows = cluster.awaitIdenticalReplicas(DATABASE, TABLE,
                    requests * RECORDS_PER_REQUEST, 0, 1, 2);
            // A linearizable read through each group's leader answers the same rows.
            String tableId = cluster.tableId(DATABASE, TABLE);
            List<ReplicaRows.Row> read = new ArrayList<>();
            for (GroupId group : groups) {
                read.addAll(cluster.readThroughRaft(group, tableId));
            }
            assertThat(read).isEqualTo(rows);
            for (GroupId group : groups) {
                assertThat(cluster.node(2).raftNode().status(group).orElseThrow().snapshotIndex())
                        .as("snapshot installed on the restarted node, %s", group)
                        .isGreaterThan(appliedWhenStopped.get(group));
            }
            // The caught-up node serves as a peer again: with another node down, writes still commit.
            cluster.stop(0);
            assertThat(cluster.writes(1).writeRecords(Requests.cpuRecords(DATABASE, TABLE, 100_000, 4, now))
                    .getRecordsIngested().getTotal()).isEqualTo(4);
        }
    }

    private static void write(TestCluster cluster, int request, long now) {
        assertThat(cluster.writes(request % 2).writeRecords(Requests.cpuRecords(DATABASE, TABLE,
                request * RECORDS_PER_REQUEST, RECORDS_PER_REQUEST, now)).getRecordsIngested().getTotal())
                .isEqualTo(RECORDS_PER_REQUEST);
    }
}
