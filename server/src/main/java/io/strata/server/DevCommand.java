package io.strata.server;

import io.strata.coordinator.write.WriteBatchingSettings;
import io.strata.server.dev.DevCluster;
import io.strata.server.node.NodeConfig;
import io.strata.server.node.StrataNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code strata dev}: an embedded ZooKeeper and three nodes (zones a, b, c) on loopback in this
 * process. Prints its endpoints, then the ready line once every node accepts writes; stops cleanly
 * on Ctrl-C / SIGTERM.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = "Run an embedded ZooKeeper and three nodes (zones a, b, c) on loopback.")
final class DevCommand implements Callable<Integer> {
    static final String READY_LINE = "Strata dev cluster ready: ";
    static final int NOT_READY = 2;

    @Option(names = "--data-dir", defaultValue = "./data", description = "Where the cluster keeps its data (default: ${DEFAULT-VALUE}).")
    Path dataDirectory;

    @Option(names = "--port-offset", defaultValue = "0", description = "Added to every port, to run a second dev cluster (default: ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(names = "--ready-timeout", defaultValue = "PT120S", description = "How long to wait for the cluster to accept writes (default: ${DEFAULT-VALUE}).")
    Duration readyTimeout;

    @Option(names = "--write-batch-records", description = "Most records in one combined write entry per Raft group; 1 sends every write alone (default: "
            + "the node default, see docs/configuration.md).")
    Integer writeBatchRecords;

    @Option(names = "--write-entries-in-flight", description = "Combined write entries per Raft group and table replicating at once (default: the node default).")
    Integer writeEntriesInFlight;

    @Option(names = "--raft-async-flush", arity = "1", description = "Force the Raft log on a separate thread, overlapping the next writes (default: the node default).")
    Boolean raftAsyncFlush;

    @Override
    public Integer call() throws Exception {
        DevCluster cluster = new DevCluster(dataDirectory, portOffset, this::tune);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "strata-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        cluster.start();
        System.out.println("Strata dev cluster starting, data in " + dataDirectory.toAbsolutePath());
        for (StrataNode node : cluster.nodes()) {
            System.out.println("  node " + node.config().nodeId() + " (zone " + node.config().zone() + "): gRPC "
                    + node.config().grpcAddress() + ", Timestream HTTP http://" + node.config().httpAddress()
                    + ", metrics http://" + node.config().host() + ":" + node.metricsAddress().getPort() + "/metrics");
        }
        System.out.println("  ZooKeeper " + cluster.zooKeeperConnect());
        if (!cluster.awaitReady(readyTimeout)) {
            System.err.println("strata dev: the cluster did not accept writes within " + readyTimeout);
            return NOT_READY;
        }
        System.out.println(READY_LINE + "gRPC " + String.join(", ",
                cluster.nodes().stream().map(node -> node.config().grpcAddress()).toList()));
        System.out.flush();
        stopped.await();
        return 0;
    }

    private NodeConfig tune(NodeConfig config) {
        WriteBatchingSettings batching = config.writeBatching();
        if (writeBatchRecords != null || writeEntriesInFlight != null) {
            batching = new WriteBatchingSettings(
                    writeBatchRecords == null ? batching.maxRecordsPerEntry() : writeBatchRecords,
                    batching.maxBytesPerEntry(),
                    writeEntriesInFlight == null ? batching.maxEntriesInFlight() : writeEntriesInFlight);
        }
        NodeConfig tuned = config.withWriteBatching(batching);
        return raftAsyncFlush == null ? tuned
                : tuned.withRaftLogWrites(config.raftLogWrites().withAsyncFlush(raftAsyncFlush));
    }
}
