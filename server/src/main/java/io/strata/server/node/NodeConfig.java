package io.strata.server.node;

import io.strata.coordinator.catalog.ResourceArns;
import io.strata.coordinator.write.WriteBatchingSettings;
import io.strata.metadata.MetadataPaths;
import java.nio.file.Path;
import io.strata.observability.ObservabilityHttpServer;
import io.strata.raft.server.RaftLogWriteSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 * @param metricsPort {@code /metrics} and {@code /health/*} (default 7490; 7490 + n for the n-th node of a
 *     host); 0 binds any free port (see {@link StrataNode#metricsAddress()})
 * @param accessKeys access key id → secret access key the Timestream HTTP endpoint verifies SigV4
 *     signatures with; empty (the default) is development mode, where signatures are not checked
 * @param raftLogWrites how the node's Raft logs are written, forced and shipped (group commit;
 *     default {@link RaftLogWriteSettings#defaults()})
 * @param writeBatching how this node's coordinator combines concurrent writes to one Raft group into
 *     one entry (default {@link WriteBatchingSettings#defaults()})
 * @param maxInFlightWriteBytes the most serialized bytes of WriteRecords requests the node works on at
 *     once (gRPC and HTTP together); a request beyond it is answered ThrottlingException (429) at once,
 *     so writers back off instead of piling requests up in the node's heap (default 64 MiB)
 * @param moveGroups whether the leaders of a departed node's groups move them to the replacement the
 *     placement names (add it by a Raft membership change, then remove the departed member) once the
 *     departure grace has passed. Off by default: experimental, the cluster test of a replacement does
 *     not pass yet (the adding change does not commit); with it off, a departed node's groups keep
 *     running on the two remaining replicas and the node gets them back when it returns.
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
        ResourceArns arns,
        int metricsPort,
        Map<String, String> accessKeys,
        RaftLogWriteSettings raftLogWrites,
        WriteBatchingSettings writeBatching,
        long maxInFlightWriteBytes,
        boolean moveGroups) {
    public static final int DEFAULT_GRPC_PORT = 7400;
    public static final int DEFAULT_RAFT_PORT = 7410;
    public static final int DEFAULT_HTTP_PORT = 7480;
    public static final int DEFAULT_METRICS_PORT = ObservabilityHttpServer.DEFAULT_BASE_PORT;
    public static final int DEFAULT_GROUP_COUNT = 8;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_DEPARTURE_GRACE = Duration.ofMinutes(5);
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_IN_FLIGHT_WRITE_BYTES = 64L << 20;

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
        if (metricsPort < 0 || metricsPort > 65_535) {
            throw new IllegalArgumentException("metricsPort must be in 0..65535: " + metricsPort);
        }
        if (Set.of(grpcPort, raftPort, httpPort).size() != 3 || Set.of(grpcPort, raftPort, httpPort).contains(metricsPort)) {
            throw new IllegalArgumentException("grpcPort, raftPort, httpPort and metricsPort must differ");
        }
        if (groupCount < 1 || groupCount > 4096) {
            throw new IllegalArgumentException("groupCount must be in 1..4096: " + groupCount);
        }
        requirePositive(writeTimeout, "writeTimeout");
        requirePositive(departureGrace, "departureGrace");
        requirePositive(sessionTimeout, "sessionTimeout");
        Objects.requireNonNull(arns, "arns");
        accessKeys = Map.copyOf(accessKeys);
        accessKeys.forEach((accessKey, secret) -> {
            requireText(accessKey, "access key id");
            requireText(secret, "secret access key");
        });
        Objects.requireNonNull(raftLogWrites, "raftLogWrites");
        Objects.requireNonNull(writeBatching, "writeBatching");
        if (maxInFlightWriteBytes <= 0) {
            throw new IllegalArgumentException("maxInFlightWriteBytes must be positive: " + maxInFlightWriteBytes);
        }
    }

    /** The configuration as it was before the Raft log, write batching and admission settings: their defaults. */
    public NodeConfig(String nodeId, String zone, String zooKeeperConnect, String zooKeeperRoot, Path dataDirectory,
            String host, int grpcPort, int raftPort, int httpPort, int groupCount, Duration writeTimeout,
            Duration departureGrace, Duration sessionTimeout, ResourceArns arns, int metricsPort,
            Map<String, String> accessKeys) {
        this(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort, httpPort,
                groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                RaftLogWriteSettings.defaults(), WriteBatchingSettings.defaults(), DEFAULT_MAX_IN_FLIGHT_WRITE_BYTES,
                false);
    }

    /**
     * The configuration as it was before the metrics port and access keys: such a node serves its
     * metrics on a free port (several of them may run on one host) and checks no signatures.
     */
    public NodeConfig(String nodeId, String zone, String zooKeeperConnect, String zooKeeperRoot, Path dataDirectory,
            String host, int grpcPort, int raftPort, int httpPort, int groupCount, Duration writeTimeout,
            Duration departureGrace, Duration sessionTimeout, ResourceArns arns) {
        this(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort, httpPort,
                groupCount, writeTimeout, departureGrace, sessionTimeout, arns, 0, Map.of());
    }

    /** A node with every default but its identity, ZooKeeper and data directory. */
    public static NodeConfig defaults(String nodeId, String zone, String zooKeeperConnect, Path dataDirectory) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, MetadataPaths.DEFAULT_ROOT, dataDirectory, "127.0.0.1",
                DEFAULT_GRPC_PORT, DEFAULT_RAFT_PORT, DEFAULT_HTTP_PORT, DEFAULT_GROUP_COUNT, DEFAULT_WRITE_TIMEOUT,
                DEFAULT_DEPARTURE_GRACE, DEFAULT_SESSION_TIMEOUT, ResourceArns.defaults(), DEFAULT_METRICS_PORT, Map.of(),
                RaftLogWriteSettings.defaults(), WriteBatchingSettings.defaults(), DEFAULT_MAX_IN_FLIGHT_WRITE_BYTES,
                false);
    }

    /**
     * These API ports and metrics on any free port: whoever picks the ports runs several nodes on one
     * host, where the default metrics port would collide.
     */
    public NodeConfig withPorts(int grpc, int raft, int http) {
        return withPorts(grpc, raft, http, 0);
    }

    public NodeConfig withPorts(int grpc, int raft, int http, int metrics) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpc, raft, http,
                groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metrics, accessKeys,
                raftLogWrites, writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    public NodeConfig withGroupCount(int groups) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groups, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                raftLogWrites, writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    public NodeConfig withWriteTimeout(Duration timeout) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, timeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                raftLogWrites, writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    /** How long a departed node keeps its groups before they move to another node of its zone. */
    public NodeConfig withDepartureGrace(Duration grace) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, grace, sessionTimeout, arns, metricsPort, accessKeys, raftLogWrites,
                writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    /** The HTTP endpoint verifies SigV4 signatures made with these keys (empty: development mode). */
    public NodeConfig withAccessKeys(Map<String, String> keys) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, keys,
                raftLogWrites, writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    public NodeConfig withRaftLogWrites(RaftLogWriteSettings settings) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                settings, writeBatching, maxInFlightWriteBytes, moveGroups);
    }

    public NodeConfig withWriteBatching(WriteBatchingSettings settings) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                raftLogWrites, settings, maxInFlightWriteBytes, moveGroups);
    }

    /** The node answers ThrottlingException beyond {@code bytes} of WriteRecords requests in progress. */
    public NodeConfig withMaxInFlightWriteBytes(long bytes) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                raftLogWrites, writeBatching, bytes, moveGroups);
    }

    /** Whether group leaders replace a node gone beyond the departure grace by Raft membership changes. */
    public NodeConfig withMoveGroups(boolean move) {
        return new NodeConfig(nodeId, zone, zooKeeperConnect, zooKeeperRoot, dataDirectory, host, grpcPort, raftPort,
                httpPort, groupCount, writeTimeout, departureGrace, sessionTimeout, arns, metricsPort, accessKeys,
                raftLogWrites, writeBatching, maxInFlightWriteBytes, move);
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

    /** Never prints the secret access keys: configs end up in logs. */
    @Override
    public String toString() {
        return "NodeConfig[nodeId=" + nodeId + ", zone=" + zone + ", zooKeeperConnect=" + zooKeeperConnect
                + ", zooKeeperRoot=" + zooKeeperRoot + ", dataDirectory=" + dataDirectory + ", host=" + host
                + ", grpcPort=" + grpcPort + ", raftPort=" + raftPort + ", httpPort=" + httpPort
                + ", metricsPort=" + metricsPort + ", groupCount=" + groupCount + ", writeTimeout=" + writeTimeout
                + ", departureGrace=" + departureGrace + ", sessionTimeout=" + sessionTimeout + ", arns=" + arns
                + ", accessKeys=" + accessKeys.keySet() + ", raftLogWrites=" + raftLogWrites
                + ", writeBatching=" + writeBatching + ", maxInFlightWriteBytes=" + maxInFlightWriteBytes
                + ", moveGroups=" + moveGroups + "]";
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
