package io.strata.server;

import io.strata.server.node.NodeConfig;
import io.strata.server.node.StrataNode;
import java.nio.file.Path;
import io.strata.server.node.AccessKeysFile;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code strata server}: one node of a cluster whose metadata lives in an external ZooKeeper. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Run one Strata node.")
final class ServerCommand implements Callable<Integer> {
    @Option(names = "--node-id", description = "Stable node id (default: node-<zone>).")
    String nodeId;

    @Option(names = "--zone", required = true, description = "Failure zone of this node, e.g. a.")
    String zone;

    @Option(names = "--zookeeper", required = true, description = "ZooKeeper connection string host:port[,...].")
    String zooKeeper;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind and advertise (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--grpc-port", defaultValue = "" + NodeConfig.DEFAULT_GRPC_PORT, description = "gRPC API port (default: ${DEFAULT-VALUE}).")
    int grpcPort;

    @Option(names = "--raft-port", defaultValue = "" + NodeConfig.DEFAULT_RAFT_PORT, description = "Raft port (default: ${DEFAULT-VALUE}).")
    int raftPort;

    @Option(names = "--http-port", defaultValue = "" + NodeConfig.DEFAULT_HTTP_PORT, description = "Timestream HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--metrics-port", defaultValue = "" + NodeConfig.DEFAULT_METRICS_PORT, description = "Port of /metrics, /health/live and /health/ready (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int metricsPort;

    @Option(names = "--access-keys-file", description = "Properties file of access-key-id=secret-access-key pairs: the Timestream HTTP endpoint then accepts only requests SigV4-signed with one of them (default: signatures not checked).")
    Path accessKeysFile;

    @Option(names = "--groups", defaultValue = "" + NodeConfig.DEFAULT_GROUP_COUNT, description = "Raft groups of a new cluster (default: ${DEFAULT-VALUE}).")
    int groupCount;

    @Option(names = "--max-in-flight-write-bytes", defaultValue = "" + NodeConfig.DEFAULT_MAX_IN_FLIGHT_WRITE_BYTES, description = "Bytes of WriteRecords requests the node works on at once; beyond it writers get ThrottlingException and back off (default: ${DEFAULT-VALUE}).")
    long maxInFlightWriteBytes;

    /**
     * Shifts the node's injected wall clock (ingestion window, retention, timestamps it stamps), so a
     * clock-skew fault needs no libfaketime. The default comes from the system property
     * {@value #CLOCK_SKEW_PROPERTY}, so it can also be set through {@code STRATA_JAVA_OPTS}.
     */
    @Option(names = "--clock-skew", defaultValue = "${sys:" + CLOCK_SKEW_PROPERTY + ":-PT0S}",
            description = "Offset of this node's wall clock as an ISO-8601 duration, e.g. PT-7M, for testing clock skew (default: ${DEFAULT-VALUE}; also -D" + CLOCK_SKEW_PROPERTY + "=...).")
    Duration clockSkew;

    /** The system property that gives {@code --clock-skew} its default. */
    static final String CLOCK_SKEW_PROPERTY = "strata.clock.skew";

    @Override
    public Integer call() throws Exception {
        NodeConfig defaults = NodeConfig.defaults(nodeId == null ? "node-" + zone : nodeId, zone, zooKeeper,
                dataDirectory.toAbsolutePath());
        NodeConfig config = new NodeConfig(defaults.nodeId(), zone, zooKeeper, defaults.zooKeeperRoot(),
                defaults.dataDirectory(), host, grpcPort, raftPort, httpPort, groupCount, defaults.writeTimeout(),
                defaults.departureGrace(), defaults.sessionTimeout(), defaults.arns(), metricsPort,
                accessKeysFile == null ? Map.of() : AccessKeysFile.read(accessKeysFile), defaults.raftLogWrites(),
                defaults.writeBatching(), maxInFlightWriteBytes, defaults.moveGroups());
        Clock clock = clockSkew.isZero() ? Clock.systemUTC() : Clock.offset(Clock.systemUTC(), clockSkew);
        StrataNode node = new StrataNode(config, clock);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "strata-server-shutdown"));
        node.start();
        System.out.println("Strata node " + config.nodeId() + " (zone " + zone + ") serving gRPC " + config.grpcAddress()
                + ", Timestream HTTP http://" + config.httpAddress() + " ("
                + (config.accessKeys().isEmpty() ? "signatures not checked" : "SigV4 verified") + "), metrics http://"
                + config.host() + ":" + node.metricsAddress().getPort() + "/metrics"
                + (clockSkew.isZero() ? "" : ", clock skew " + clockSkew));
        stopped.await();
        return 0;
    }
}
