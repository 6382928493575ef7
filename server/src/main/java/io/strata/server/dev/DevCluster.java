package io.strata.server.dev;

import io.strata.server.node.NodeConfig;
import io.strata.server.node.StrataNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * {@code strata dev}: an embedded ZooKeeper and three nodes in zones a, b and c in this process,
 * on loopback, with fixed ports so clients can rely on them:
 * <ul>
 *   <li>gRPC {@code 127.0.0.1:7400, 7401, 7402};</li>
 *   <li>Raft {@code 7410, 7411, 7412} (between the nodes only);</li>
 *   <li>Timestream HTTP endpoint {@code 7480, 7481, 7482};</li>
 *   <li>metrics and health ({@code /metrics}, {@code /health/ready}) {@code 7490, 7491, 7492};</li>
 *   <li>ZooKeeper {@code 7499}.</li>
 * </ul>
 * Data lives under one directory ({@code ./data} by default): {@code zookeeper/} and one directory
 * per node; starting again on it restores the catalog and every acknowledged record.
 */
public final class DevCluster implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    public static final int FIRST_GRPC_PORT = 7400;
    public static final int FIRST_RAFT_PORT = 7410;
    public static final int FIRST_HTTP_PORT = 7480;
    public static final int FIRST_METRICS_PORT = 7490;
    public static final int ZOOKEEPER_PORT = 7499;
    /** Few groups: three nodes on one machine gain nothing from more, and each costs threads. */
    public static final int GROUP_COUNT = 4;
    private static final List<String> ZONES = List.of("a", "b", "c");

    private final Path dataDirectory;
    private final int portOffset;
    private final UnaryOperator<NodeConfig> tuning;
    private EmbeddedZooKeeper zooKeeper;
    private final List<StrataNode> nodes = new ArrayList<>();

    /** @param portOffset added to every port (0 for the documented ports) */
    public DevCluster(Path dataDirectory, int portOffset) {
        this(dataDirectory, portOffset, UnaryOperator.identity());
    }

    /** @param tuning applied to every node's configuration (write batching, Raft log settings) */
    public DevCluster(Path dataDirectory, int portOffset, UnaryOperator<NodeConfig> tuning) {
        this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        this.portOffset = portOffset;
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    public synchronized void start() throws Exception {
        try {
            zooKeeper = EmbeddedZooKeeper.start(HOST, ZOOKEEPER_PORT + portOffset, dataDirectory.resolve("zookeeper"));
            for (int i = 0; i < ZONES.size(); i++) {
                String zone = ZONES.get(i);
                NodeConfig config = NodeConfig.defaults("node-" + zone, zone, zooKeeper.connectString(),
                                dataDirectory.toAbsolutePath())
                        .withPorts(FIRST_GRPC_PORT + portOffset + i, FIRST_RAFT_PORT + portOffset + i,
                                FIRST_HTTP_PORT + portOffset + i, FIRST_METRICS_PORT + portOffset + i)
                        .withGroupCount(GROUP_COUNT);
                StrataNode node = new StrataNode(tuning.apply(config), Clock.systemUTC());
                nodes.add(node);
                node.start();
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** Waits until every node accepts writes; false if that takes longer than {@code timeout}. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (nodes.stream().allMatch(StrataNode::ready)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    public List<StrataNode> nodes() {
        return List.copyOf(nodes);
    }

    public String zooKeeperConnect() {
        return zooKeeper.connectString();
    }

    /** Stops the nodes, then ZooKeeper (the nodes' sessions end with them). Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
        if (zooKeeper != null) {
            zooKeeper.close();
            zooKeeper = null;
        }
    }
}
