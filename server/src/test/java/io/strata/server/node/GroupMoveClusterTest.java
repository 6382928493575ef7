package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.strata.api.v1.CreateDatabaseRequest;
import io.strata.api.v1.CreateTableRequest;
import io.strata.metadata.MetadataPaths;
import io.strata.metadata.PlacementCodec;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import io.strata.raft.GroupId;
import io.strata.raft.server.GroupConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Placement moves on four real nodes (zones a, b, c and a second node in zone a): a node that comes
 * back within the departure grace gets its groups back and nothing moves, even when the cluster
 * manager changes meanwhile; a node gone beyond the grace is replaced by its zone mate through a
 * Raft membership change, and the new replica ends up with every acknowledged row while the two
 * remaining peers keep acknowledging writes.
 */
class GroupMoveClusterTest {
    private static final String DATABASE = "metrics";
    private static final String TABLE = "cpu_usage";
    private static final String[] ZONES = {"a", "b", "c", "a"};
    private static final int NODE_A = 0;
    private static final int NODE_B = 1;
    private static final int NODE_C = 2;
    private static final int NODE_A2 = 3;

    @TempDir
    Path data;

    @Test
    void aNodeBackWithinTheGraceGetsItsGroupsBackAndNothingMovesWhenTheManagerChanges() throws Exception {
        long now = System.currentTimeMillis();
        try (TestCluster cluster = new TestCluster(data, ZONES, 3,
                (ordinal, config) -> config.withDepartureGrace(Duration.ofMinutes(10)));
             CuratorFramework zooKeeper = zooKeeper(cluster)) {
            cluster.awaitReady();
            Placement before = storedPlacement(cluster, zooKeeper);
            assertThat(before.peerCounts()).containsOnlyKeys("node-a", "node-b", "node-c");
            startSpare(cluster, zooKeeper); // where node-a's groups would go
            createTable(cluster);
            assertThat(write(cluster, NODE_B, 0, 40, now)).isTrue();

            int manager = managerIndex(cluster);
            cluster.stop(NODE_A);
            if (manager != NODE_A) {
                cluster.stop(manager); // the manager changes while node-a is gone
                cluster.start(manager);
            }
            await("a new cluster manager").atMost(TestCluster.WAIT)
                    .until(() -> managerIndexOrMinusOne(cluster) >= 0);
            // The new manager plans at once when elected; within the grace it must keep node-a's groups.
            await("placement unchanged").during(Duration.ofSeconds(10)).atMost(TestCluster.WAIT)
                    .until(() -> storedPlacement(cluster, zooKeeper).equals(before));
            await("b and c acknowledge writes").atMost(TestCluster.WAIT).until(() -> write(cluster, NODE_B, 40, 30, now));

            cluster.start(NODE_A);
            await("node-a ready").atMost(TestCluster.WAIT).until(() -> cluster.node(NODE_A).ready());
            cluster.awaitIdenticalReplicas(DATABASE, TABLE, 70, NODE_A, NODE_B, NODE_C);
            assertThat(storedPlacement(cluster, zooKeeper)).isEqualTo(before);
            assertThat(cluster.node(NODE_A2).raftNode().groups()).isEmpty();
        }
    }

    @Test
    @Disabled("Open: the placement moves and node-a2 joins empty, the leader starts setConfiguration(a,b,c,a2), "
            + "but the change never commits within 90 s on this machine (followers time out on the joint "
            + "configuration entry); see CHAOS.md bug 1")
    void aNodeGoneBeyondTheGraceIsReplacedInItsZoneThroughARaftMembershipChange() throws Exception {
        long now = System.currentTimeMillis();
        try (TestCluster cluster = new TestCluster(data, ZONES, 3,
                (ordinal, config) -> config.withDepartureGrace(Duration.ofSeconds(3)).withMoveGroups(true));
             CuratorFramework zooKeeper = zooKeeper(cluster)) {
            cluster.awaitReady();
            assertThat(storedPlacement(cluster, zooKeeper).peerCounts()).containsOnlyKeys("node-a", "node-b", "node-c");
            startSpare(cluster, zooKeeper);
            createTable(cluster);
            assertThat(write(cluster, NODE_B, 0, 40, now)).isTrue();

            // A writer through node-b for the whole move: the two remaining peers acknowledge throughout.
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger written = new AtomicInteger(40);
            AtomicInteger unavailable = new AtomicInteger();
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                while (writing.get()) {
                    int first = written.get();
                    if (write(cluster, NODE_B, first, 10, now)) {
                        written.addAndGet(10);
                    } else {
                        unavailable.incrementAndGet(); // retried with the same records: idempotent
                        LockSupport.parkNanos(Duration.ofMillis(200).toNanos()); // as a client backs off
                    }
                }
            });

            cluster.stop(NODE_A);

            Placement moved = await("node-a replaced by node-a2, move recorded").atMost(TestCluster.WAIT)
                    .until(() -> storedPlacement(cluster, zooKeeper), placement -> placement.settled()
                            && !placement.peerCounts().containsKey("node-a"));
            for (GroupPlacement group : moved.groups()) {
                assertThat(group.peers()).containsExactlyInAnyOrder("node-a2", "node-b", "node-c");
            }
            for (GroupId group : cluster.groups()) {
                await("Raft configuration of " + group).atMost(TestCluster.WAIT).untilAsserted(() -> {
                    GroupConfiguration configuration = cluster.node(NODE_B).raftNode().configuration(group)
                            .orElseThrow();
                    assertThat(configuration.settled()).isTrue();
                    assertThat(configuration.nodeIds()).isEqualTo(Set.of("node-a2", "node-b", "node-c"));
                });
            }
            int atMove = written.get();
            await("writes after the move").atMost(TestCluster.WAIT).until(() -> written.get() >= atMove + 30);
            writing.set(false);
            writer.get(2, TimeUnit.MINUTES);

            assertThat(unavailable.get()).as("writes not acknowledged during the move").isZero();
            List<ReplicaRows.Row> rows = cluster.awaitIdenticalReplicas(DATABASE, TABLE, written.get(),
                    NODE_A2, NODE_B, NODE_C);
            List<String> hosts = new ArrayList<>(rows.stream().map(ReplicaRows.Row::host).toList());
            for (int i = 0; i < written.get(); i++) {
                assertThat(hosts).contains("host-" + i);
            }

            // node-a comes back after its groups moved: it is no member any more and drops its replicas.
            cluster.start(NODE_A);
            await("node-a drops the replicas moved away").atMost(TestCluster.WAIT)
                    .until(() -> cluster.node(NODE_A).raftNode().groups().isEmpty());
            assertThat(storedPlacement(cluster, zooKeeper).peerCounts()).doesNotContainKey("node-a");
        }
    }

    /** Starts node-a2, which joins after the first placement and so hosts nothing yet (not ready). */
    private static void startSpare(TestCluster cluster, CuratorFramework zooKeeper) throws Exception {
        cluster.start(NODE_A2);
        MetadataPaths paths = new MetadataPaths(cluster.config(0).zooKeeperRoot());
        await("node-a2 registered").atMost(TestCluster.WAIT)
                .until(() -> zooKeeper.checkExists().forPath(paths.member("node-a2")) != null);
        assertThat(cluster.node(NODE_A2).raftNode().groups()).isEmpty();
    }

    private static void createTable(TestCluster cluster) {
        cluster.admin(NODE_B).createDatabase(CreateDatabaseRequest.newBuilder().setDatabaseName(DATABASE).build());
        cluster.admin(NODE_B).createTable(CreateTableRequest.newBuilder().setDatabaseName(DATABASE)
                .setTableName(TABLE).build());
    }

    /** Whether the write was acknowledged; false when the cluster answered it as unavailable. */
    private static boolean write(TestCluster cluster, int node, int first, int count, long now) {
        try {
            return cluster.writes(node).writeRecords(Requests.cpuRecords(DATABASE, TABLE, first, count, now))
                    .getRecordsIngested().getTotal() == count;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.UNAVAILABLE
                    || e.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED) {
                return false;
            }
            throw e;
        }
    }

    private static int managerIndex(TestCluster cluster) {
        return await("one cluster manager").atMost(TestCluster.WAIT)
                .until(() -> managerIndexOrMinusOne(cluster), index -> index >= 0);
    }

    private static int managerIndexOrMinusOne(TestCluster cluster) {
        for (int i = 0; i < ZONES.length; i++) {
            StrataNode node = cluster.node(i);
            if (node != null && node.managesCluster()) {
                return i;
            }
        }
        return -1;
    }

    private static CuratorFramework zooKeeper(TestCluster cluster) {
        CuratorFramework client = CuratorFrameworkFactory.newClient(cluster.config(0).zooKeeperConnect(),
                new ExponentialBackoffRetry(200, 10));
        client.start();
        return client;
    }

    private static Placement storedPlacement(TestCluster cluster, CuratorFramework zooKeeper) throws Exception {
        MetadataPaths paths = new MetadataPaths(cluster.config(0).zooKeeperRoot());
        return await("a placement").atMost(TestCluster.WAIT)
                .until(() -> zooKeeper.checkExists().forPath(paths.placement()) != null
                        ? PlacementCodec.fromBytes(zooKeeper.getData().forPath(paths.placement())) : null,
                        placement -> placement != null);
    }
}
