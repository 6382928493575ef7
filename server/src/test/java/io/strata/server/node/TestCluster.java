package io.strata.server.node;

import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.strata.api.v1.AdminServiceGrpc;
import io.strata.api.v1.WriteServiceGrpc;
import io.strata.raft.GroupId;
import io.strata.raft.shard.InterimPointShard;
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
import org.apache.curator.test.TestingServer;

/**
 * Three real {@link StrataNode}s (zones a, b, c) in this JVM on loopback, with a real ZooKeeper
 * (curator-test), real Ratis over gRPC and data in a temporary directory. Nodes and ZooKeeper can
 * be stopped and started again on the same ports and data.
 */
final class TestCluster implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);
    static final int GROUPS = 2;

    private final TestingServer zooKeeper;
    private final List<NodeConfig> configs = new ArrayList<>();
    private final StrataNode[] nodes = new StrataNode[3];
    private final List<ManagedChannel> channels = new ArrayList<>();

    TestCluster(Path dataDirectory) throws Exception {
        zooKeeper = new TestingServer(freePort(), dataDirectory.resolve("zookeeper").toFile(), true);
        String[] zones = {"a", "b", "c"};
        for (int i = 0; i < 3; i++) {
            configs.add(NodeConfig.defaults("node-" + zones[i], zones[i], zooKeeper.getConnectString(), dataDirectory)
                    .withPorts(freePort(), freePort(), freePort())
                    .withGroupCount(GROUPS)
                    .withWriteTimeout(Duration.ofSeconds(6)));
        }
        for (int i = 0; i < 3; i++) {
            start(i);
        }
        for (NodeConfig config : configs) {
            channels.add(NettyChannelBuilder.forTarget(config.grpcAddress()).usePlaintext().build());
        }
    }

    void start(int i) throws Exception {
        nodes[i] = new StrataNode(configs.get(i), Clock.systemUTC());
        nodes[i].start();
    }

    void stop(int i) {
        nodes[i].close();
        nodes[i] = null;
    }

    void restartZooKeeper() throws Exception {
        zooKeeper.restart();
    }

    /** Stops every node and ZooKeeper, then starts them again on the same ports and data. */
    void restartEverything() throws Exception {
        for (int i = 0; i < 3; i++) {
            if (nodes[i] != null) {
                stop(i);
            }
        }
        zooKeeper.stop();
        zooKeeper.restart();
        for (int i = 0; i < 3; i++) {
            start(i);
        }
    }

    void stopZooKeeper() throws IOException {
        zooKeeper.stop();
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

    WriteServiceGrpc.WriteServiceBlockingStub writes(int i) {
        return WriteServiceGrpc.newBlockingStub(channels.get(i)).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** What node {@code i}'s replica of {@code group} holds (empty if it has not opened it). */
    List<InterimPointShard.StoredPoint> replica(int i, GroupId group) {
        return nodes[i].shards().shard(group).map(InterimPointShard::points).orElse(List.of());
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
        for (int i = 0; i < 3; i++) {
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
