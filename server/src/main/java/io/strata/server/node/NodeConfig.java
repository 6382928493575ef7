package io.strata.server.node;

import io.strata.coordinator.catalog.ResourceArns;
import io.strata.metadata.MetadataPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one Strata node needs to run; documented with defaults in {@code docs/configuration.md}.
 *
 * @param nodeId stable id of the node (also its Raft peer id); must not change across restarts
 * @param zone failure zone; the three peers of every Raft group are in three different zones
 * @param zooKeeperConnect ZooKeeper connection string ({@code host:port[,host:port...]})
 * @param zooKeeperRoot the znode under which the cluster keeps its metadata (default {@code /strata})
 * @param dataDirectory the node keeps everything under {@code <dataDirectory>/<nodeId>/}
 * @param host address to bind and to advertise to the other nodes and clients
 * @param grpcPort public gRPC API (default 7400)
 * @param raftPort Ratis server (default 7410)
 * @param httpPort Timestream-compatible HTTP endpoint (default 7480)
 * @param groupCount Raft groups of the cluster, fixed when the cluster is first created (default 8)
 * @param writeTimeout how long a write keeps trying to reach a group's leader before answering
 *     ServiceUnavailableException (default 10 s)
 * @param departureGrace how long a node may be gone before its groups are moved (default 5 min)
 * @param sessionTimeout ZooKeeper session timeout (default 15 s)
 * @param arns the region and account that ARNs name (default us-east-1 / 000000000000)
 */
public record NodeConfig(
        String nodeId,
        String zone,
        String zooKeeperConnect,
        String zooKeeperRoot,
        Path dataDirectory,
        String host,
        int grpcPort,
        int raftPort,
        int httpPort,
        int groupCount,
        Duration writeTimeout,
        Duration departureGrace,
        Duration sessionTimeout,
        ResourceArns arns) {
    public static final int DEFAULT_GRPC_PORT = 7400;
    public static final int DEFAULT_RAFT_PORT = 7410;
    public static final int DEFAULT_HTTP_PORT = 7480;
    public static final int DEFAULT_GROUP_COUNT = 8;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DEPARTURE_GRACE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(15);

    public NodeConfig {
        requireText(nodeId, "nodeId");
        requireText(zone, "zone");
        requireText(zooKeeperConnect, "zooKeeperConnect");
        new MetadataPaths(zooKeeperRoot);
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        requireText(host, "host");
        requirePort(grpcPort, "grpcPort");
        requirePort(raftPort, "raftPort");
        requirePort(httpPort, "httpPort");
        if (grpcPort == raftPort || grpcPort == httpPort || raftPort == httpPort) {
            throw new IllegalArgumentException("grpcPort, raftPort and httpPort must differ");
        }
        if (groupCount < 1 || groupCount > 4096) {
            throw new IllegalArgumentException("groupCount must be in 1..4096: " + groupCount);
        }
        requirePositive(writeTimeout, "writeTimeout");
        requirePositive(departureGrace, "departureGrace");
        requirePositive(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(arns, "arns");
    }

    /** A node with every default but its identity, ZooKeeper and data directory. */
    public static NodeConfig defaults(String nodeId, String zone, String zooKeeperConnect, Path dataDirectory) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, MetadataPaths.DEFAULT_ROOT, dataDirectory, "127.0.0.1",
                DEFAULT_GRPC_PORT, DEFAULT_RAFT_PORT, DEFAULT_HTTP_PORT, DEFAULT_GROUP_COUNT, DEFAULT_WRITE_TIMEOUT,
                DEFAULT_DEPARTURE_GRACE, DEFAULT_SESSION_TIMEOUT, ResourceArns.defaults());
    }

    public NodeConfig withPorts(int grpc, int raft, int http) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpc, raft, http,
                groupCount, writeTimeout, departureGrace, sessionTimeout, arns);
    }

    public NodeConfig withGroupCount(int groups) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groups, writeTimeout, departureGrace, sessionTimeout, arns);
    }

    public NodeConfig withWriteTimeout(Duration timeout) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, timeout, departureGrace, sessionTimeout, arns);
    }

    /** Where this node keeps its files: {@code <dataDirectory>/<nodeId>}. */
    public Path nodeDirectory() {
        return dataDirectory.resolve(nodeId);
    }

    public String grpcAddress() {
        return host + ":" + grpcPort;
    }

    public String raftAddress() {
        return host + ":" + raftPort;
    }

    public String httpAddress() {
        return host + ":" + httpPort;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be in 1..65535: " + port);
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
    }
}
