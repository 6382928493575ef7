package io.strata.server.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.strata.internal.v1.ReplicaInspectionServiceGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.raft.GroupId;
import io.strata.raft.NodeEndpoint;
import io.strata.raft.client.GroupClient;
import io.strata.raft.server.RaftNodeSettings;
import io.strata.raft.shard.ShardScanQuery;
import io.strata.raft.shard.ShardStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.apache.curator.test.TestingServer;

/**
 * Three (or more) real {@link StrataNode}s (zones a, b, c, ...) in this JVM on loopback, with a real ZooKeeper
 * (curator-test), real Ratis over gRPC and data in a temporary directory. Nodes and ZooKeeper can
 * be stopped and started again on the same ports and data.
 */
final class TestCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final int GROUPS = 2;

    private final TestingServer zooKeeper;
    private final List<NodeConfig> configs = new ArrayList<>();
    private final StrataNode[] nodes;
    private final boolean[] everStarted;
    private final List<ManagedChannel> channels = new ArrayList<>();
    private final UnaryOperator<RaftNodeSettings> raftTuning;
    private final ShardStoreSettings shardSettings;
    private final Clock clock;

    TestCluster(Path dataDirectory) throws Exception {
        this(dataDirectory, UnaryOperator.identity(), ShardStoreSettings.defaults());
    }

    /**
     * A cluster whose nodes read {@code clock}: ingest times (and so the memory window), the "now" of
     * queries, catalog times. A fixed clock lets queries with {@code ago()} be checked against a
     * reference evaluated at the same instant.
     */
    TestCluster(Path dataDirectory, Clock clock) throws Exception {
        this(dataDirectory, UnaryOperator.identity(), ShardStoreSettings.defaults(), (ordinal, config) -> config, clock);
    }

    /** A cluster whose nodes run with other Raft snapshot/log settings and shard storage settings. */
    TestCluster(Path dataDirectory, UnaryOperator<RaftNodeSettings> raftTuning, ShardStoreSettings shardSettings)
            throws Exception {
        this(dataDirectory, raftTuning, shardSettings, (ordinal, config) -> config, Clock.systemUTC());
    }

    /** A cluster whose node configurations {@code configure} adjusts (given the node's ordinal 0..2). */
    TestCluster(Path dataDirectory, BiFunction<Integer, NodeConfig, NodeConfig> configure) throws Exception {
        this(dataDirectory, UnaryOperator.identity(), ShardStoreSettings.defaults(), configure, Clock.systemUTC());
    }

    private TestCluster(Path dataDirectory, UnaryOperator<RaftNodeSettings> raftTuning,
            ShardStoreSettings shardSettings, BiFunction<Integer, NodeConfig, NodeConfig> configure, Clock clock)
            throws Exception {
        this(dataDirectory, raftTuning, shardSettings, configure, new String[] {"a", "b", "c"}, 3, clock);
    }

    /**
     * A cluster of one node per entry of {@code zones} (ids {@code node-<zone>}, then
     * {@code node-<zone>2}, ... for a zone's further nodes) of which the first {@code startedNow}
     * are started; {@link #start(int)} starts the others later.
     */
    TestCluster(Path dataDirectory, String[] zones, int startedNow, BiFunction<Integer, NodeConfig, NodeConfig> configure)
            throws Exception {
        this(dataDirectory, UnaryOperator.identity(), ShardStoreSettings.defaults(), configure, zones, startedNow,
                Clock.systemUTC());
    }

    private TestCluster(Path dataDirectory, UnaryOperator<RaftNodeSettings> raftTuning,
            ShardStoreSettings shardSettings, BiFunction<Integer, NodeConfig, NodeConfig> configure, String[] zones,
            int startedNow, Clock clock) throws Exception {
        this.raftTuning = raftTuning;
        this.shardSettings = shardSettings;
        this.clock = clock;
        this.nodes = new StrataNode[zones.length];
        this.everStarted = new boolean[zones.length];
        zooKeeper = new TestingServer(freePort(), dataDirectory.resolve("zookeeper").toFile(), true);
        for (int i = 0; i < zones.length; i++) {
            int earlier = (int) java.util.Arrays.stream(zones, 0, i).filter(zones[i]::equals).count();
            String nodeId = "node-" + zones[i] + (earlier == 0 ? "" : String.valueOf(earlier + 1));
            configs.add(configure.apply(i, NodeConfig.defaults(nodeId, zones[i], zooKeeper.getConnectString(),
                            dataDirectory)
                    .withPorts(freePort(), freePort(), freePort())
                    .withGroupCount(GROUPS)
                    .withWriteTimeout(Duration.ofSeconds(6))));
        }
        for (int i = 0; i < startedNow; i++) {
            start(i);
        }
        for (NodeConfig config : configs) {
            channels.add(NettyChannelBuilder.forTarget(config.grpcAddress()).usePlaintext().build());
        }
    }

    void start(int i) throws Exception {
        nodes[i] = new StrataNode(configs.get(i), clock, raftTuning, shardSettings);
        nodes[i].start();
        everStarted[i] = true;
    }

    void stop(int i) {
        nodes[i].close();
        nodes[i] = null;
    }

    void restartZooKeeper() throws Exception {
        zooKeeper.restart();
    }

    /** Stops every node and ZooKeeper, then starts every node ever started again on the same ports and data. */
    void restartEverything() throws Exception {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                stop(i);
            }
        }
        zooKeeper.stop();
        zooKeeper.restart();
        for (int i = 0; i < nodes.length; i++) {
            if (everStarted[i]) {
                start(i);
            }
        }
    }

    void stopZooKeeper() throws IOException {
        zooKeeper.stop();
    }

    NodeConfig config(int i) {
        return configs.get(i);
    }

    StrataNode node(int i) {
        return nodes[i];
    }

    void awaitReady() {
        await("every running node ready").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (StrataNode node : nodes) {
                if (node != null && !node.ready()) {
                    return false;
                }
            }
            return true;
        });
    }

    AdminServiceGrpc.AdminServiceBlockingStub admin(int i) {
        return AdminServiceGrpc.newBlockingStub(channels.get(i)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    ReplicaInspectionServiceGrpc.ReplicaInspectionServiceBlockingStub inspection(int i) {
        return ReplicaInspectionServiceGrpc.newBlockingStub(channels.get(i)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    WriteServiceGrpc.WriteServiceBlockingStub writes(int i) {
        return WriteServiceGrpc.newBlockingStub(channels.get(i)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /**
     * The rows of table {@code tableId} that node {@code i}'s replica of {@code group} holds, read
     * through a scan of its shard store (empty if it has not opened the group).
     */
    List<ReplicaRows.Row> replica(int i, GroupId group, String tableId) {
        return nodes[i].shards().replica(group).map(replica -> ReplicaRows.of(replica, tableId)).orElse(List.of());
    }

    /**
     * The rows of table {@code tableId} in {@code group}, read through Raft: the group's leader
     * answers after the read-index barrier, so the read sees every acknowledged write.
     */
    List<ReplicaRows.Row> readThroughRaft(GroupId group, String tableId) throws Exception {
        List<NodeEndpoint> peers = configs.stream()
                .map(config -> new NodeEndpoint(config.nodeId(), config.host(), config.raftPort()))
                .toList();
        try (GroupClient client = new GroupClient(group, peers, Duration.ofSeconds(30))) {
            byte[] reply = client.read(ShardScanQuery.request(ReplicaRows.request(tableId))).get(60, TimeUnit.SECONDS);
            return ReplicaRows.of(ShardScanQuery.batches(reply));
        }
    }

    /** The id of the table's current incarnation, as the catalog gives it to any running node. */
    String tableId(String database, String table) {
        for (StrataNode node : nodes) {
            if (node != null) {
                return node.tables().writable(database, table).entry().getTableId();
            }
        }
        throw new IllegalStateException("no node is running");
    }

    /** Node {@code i}'s own directory: its Raft groups (log, snapshots, shard data) live under it. */
    Path nodeDirectory(int i) {
        return configs.get(i).nodeDirectory();
    }

    /**
     * Waits until the given nodes hold the same rows of the table in every group, read through
     * scans of their shard stores; with {@code expected} >= 0, also that they hold that many in
     * total. Returns the rows of the first node.
     */
    List<ReplicaRows.Row> awaitIdenticalReplicas(String database, String table, int expected, int... nodeIndexes) {
        String tableId = tableId(database, table);
        List<ReplicaRows.Row> all = new ArrayList<>();
        await("identical replicas").atMost(WAIT).untilAsserted(() -> {
            all.clear();
            for (GroupId group : groups()) {
                List<ReplicaRows.Row> reference = replica(nodeIndexes[0], group, tableId);
                for (int node : nodeIndexes) {
                    assertThat(replica(node, group, tableId)).as("node %d, %s", node, group).isEqualTo(reference);
                }
                all.addAll(reference);
            }
            if (expected >= 0) {
                assertThat(all).hasSize(expected);
            } else {
                assertThat(all).isNotEmpty();
            }
        });
        return List.copyOf(all);
    }

    List<GroupId> groups() {
        for (StrataNode node : nodes) {
            if (node != null && !node.assignedGroups().isEmpty()) {
                return node.assignedGroups();
            }
        }
        throw new IllegalStateException("no placement yet");
    }

    @Override
    public void close() throws IOException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow();
        }
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                stop(i);
            }
        }
        zooKeeper.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
