package io.strata.bench.cluster;

import io.strata.metadata.MetadataPaths;
import io.strata.metadata.RoutingCache;
import io.strata.placement.GroupPlacement;
import io.strata.placement.Placement;
import io.strata.raft.NodeEndpoint;
import io.strata.server.dev.EmbeddedZooKeeper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A three-zone cluster of real {@code bin/strata server} processes (nodes {@code node-a},
 * {@code node-b}, {@code node-c}) on loopback, with ZooKeeper embedded in the harness's JVM (it is
 * never the thing being killed). Each node can be killed with -9, stopped with SIGTERM and started
 * again on the same ports and data, as an operator would.
 *
 * <p>The harness reads the placement from ZooKeeper as the nodes do ({@link RoutingCache}) and asks
 * the Raft peers about leadership and applied indexes through {@link RaftGroupProbe}.
 *
 * <p>Not thread-safe: one harness thread drives it. {@link #close()} kills whatever still runs.
 */
final class ProcessCluster implements AutoCloseable {
    static final List<String> ZONES = List.of("a", "b", "c");
    /** As many groups as {@code strata dev}: enough to spread leaders over the three nodes. */
    static final int GROUPS = 4;
    private static final String HOST = "127.0.0.1";
    private static final String STARTED_LINE = "Strata node ";

    private final Path repository;
    private final Path dataDirectory;
    private final List<String> jvmOptions;
    private final Duration startTimeout;
    private final EmbeddedZooKeeper zooKeeper;
    private final CuratorFramework curator;
    private final RoutingCache routing;
    private final Map<String, NodeEndpoint> raftEndpoints = new LinkedHashMap<>();
    private final List<Integer> grpcPorts = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final StrataProcess[] processes = new StrataProcess[ZONES.size()];
    private final RaftGroupProbe probe;

    private ProcessCluster(Path repository, Path dataDirectory, List<String> jvmOptions, Duration startTimeout)
            throws Exception {
        this.repository = repository;
        this.dataDirectory = dataDirectory;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.startTimeout = startTimeout;
        Files.createDirectories(dataDirectory);
        zooKeeper = EmbeddedZooKeeper.start(HOST, LoopbackPorts.free(), dataDirectory.resolve("zookeeper"));
        curator = CuratorFrameworkFactory.newClient(zooKeeper.connectString(), 15_000, 15_000,
                new ExponentialBackoffRetry(200, 10, 5_000));
        curator.start();
        routing = new RoutingCache(curator, new MetadataPaths(MetadataPaths.DEFAULT_ROOT), Clock.systemUTC());
        routing.start();
        for (String zone : ZONES) {
            raftEndpoints.put(nodeId(zone), new NodeEndpoint(nodeId(zone), HOST, LoopbackPorts.free()));
            grpcPorts.add(LoopbackPorts.free());
            httpPorts.add(LoopbackPorts.free());
        }
        probe = new RaftGroupProbe(raftEndpoints);
    }

    /** Starts ZooKeeper and the three nodes, and waits until every group has a leader. */
    static ProcessCluster start(Path repository, Path dataDirectory, List<String> jvmOptions, Duration startTimeout)
            throws Exception {
        ProcessCluster cluster = new ProcessCluster(repository, dataDirectory, jvmOptions, startTimeout);
        try {
            for (int node = 0; node < ZONES.size(); node++) {
                cluster.startNode(node);
            }
            cluster.awaitLeaders(startTimeout);
            return cluster;
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    private static String nodeId(String zone) {
        return "node-" + zone;
    }

    String nodeId(int node) {
        return nodeId(ZONES.get(node));
    }

    int indexOf(String nodeId) {
        for (int node = 0; node < ZONES.size(); node++) {
            if (nodeId(node).equals(nodeId)) {
                return node;
            }
        }
        throw new IllegalArgumentException("no node " + nodeId);
    }

    /** Launches node {@code node}'s process and waits until it says it serves (not that it caught up). */
    void startNode(int node) throws IOException, InterruptedException {
        if (processes[node] != null && processes[node].alive()) {
            throw new IllegalStateException(nodeId(node) + " already runs");
        }
        String zone = ZONES.get(node);
        List<String> arguments = List.of("server", "--zone", zone, "--zookeeper", zooKeeper.connectString(),
                "--data-dir", dataDirectory.toString(), "--host", HOST,
                "--grpc-port", grpcPorts.get(node).toString(),
                "--raft-port", Integer.toString(raftEndpoints.get(nodeId(node)).port()),
                "--http-port", httpPorts.get(node).toString(), "--groups", Integer.toString(GROUPS));
        Path log = dataDirectory.resolve(nodeId(node) + ".log");
        processes[node] = StrataProcess.start("strata server " + nodeId(node), repository, arguments, jvmOptions, log);
        processes[node].awaitOutput(STARTED_LINE + nodeId(node), startTimeout);
    }

    /** kill -9 of node {@code node}'s process. */
    void killNode(int node) throws InterruptedException {
        processes[node].kill();
    }

    /** SIGTERM to node {@code node}'s process; returns once it exited. */
    void stopNode(int node) throws InterruptedException {
        processes[node].stop();
    }

    boolean running(int node) {
        return processes[node] != null && processes[node].alive();
    }

    /** The gRPC endpoints ({@code host:port}), in node order. */
    List<String> grpcEndpoints() {
        return grpcPorts.stream().map(port -> HOST + ":" + port).toList();
    }

    /** The placement of every group on three peers, waiting up to {@code timeout} for the cluster manager to write it. */
    Placement placement(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Placement> placement = routing.view().placementIfAny()
                    .filter(candidate -> candidate.groups().stream().allMatch(ProcessCluster::fullyPlaced));
            if (placement.isPresent()) {
                return placement.get();
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("no placement of " + GROUPS + " groups on three zones within " + timeout);
    }

    private static boolean fullyPlaced(GroupPlacement group) {
        return group.peers().size() == ZONES.size();
    }

    RaftGroupProbe probe() {
        return probe;
    }

    /** Waits until every group has a leader that its peers answer about. */
    void awaitLeaders(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Placement placement = placement(timeout);
        while (System.nanoTime() < deadline) {
            if (placement.groupIds().stream().allMatch(group -> probe.leader(placement, group).isPresent())) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("not every group elected a leader within " + timeout);
    }

    @Override
    public void close() {
        probe.close();
        for (StrataProcess process : processes) {
            if (process != null) {
                process.close();
            }
        }
        routing.close();
        curator.close();
        zooKeeper.close();
    }
}
