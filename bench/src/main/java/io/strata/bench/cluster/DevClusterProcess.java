package io.strata.bench.cluster;

import io.strata.server.dev.DevCluster;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/strata dev} as a child process: embedded ZooKeeper and three nodes in one JVM, apart
 * from the load generator's JVM so the two do not share a heap or a JIT. Used for throughput, where
 * no node is killed.
 */
final class DevClusterProcess implements AutoCloseable {
    /** What {@code strata dev} prints once every node accepts writes. */
    static final String READY_LINE = "Strata dev cluster ready: ";

    private final StrataProcess process;
    private final int portOffset;

    private DevClusterProcess(StrataProcess process, int portOffset) {
        this.process = process;
        this.portOffset = portOffset;
    }

    /** Starts the cluster on {@code dataDirectory} and waits for its ready line. */
    static DevClusterProcess start(Path repository, Path dataDirectory, int portOffset, List<String> jvmOptions,
                                   Duration readyTimeout) throws IOException, InterruptedException {
        return start(repository, dataDirectory, portOffset, jvmOptions, List.of(), readyTimeout);
    }

    /** @param devOptions more {@code strata dev} options (write batching, Raft log settings) */
    static DevClusterProcess start(Path repository, Path dataDirectory, int portOffset, List<String> jvmOptions,
                                   List<String> devOptions, Duration readyTimeout)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("dev", "--data-dir", dataDirectory.toString(),
                "--port-offset", Integer.toString(portOffset), "--ready-timeout", readyTimeout.toString()));
        arguments.addAll(devOptions);
        StrataProcess process = StrataProcess.start("strata dev", repository, arguments, jvmOptions,
                dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log"));
        try {
            process.awaitOutput(READY_LINE, readyTimeout.plusSeconds(30));
        } catch (InterruptedException | RuntimeException e) {
            process.close();
            throw e;
        }
        return new DevClusterProcess(process, portOffset);
    }

    /** The gRPC endpoints of the three nodes, {@code host:port}. */
    List<String> grpcEndpoints() {
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            endpoints.add(DevCluster.HOST + ":" + (DevCluster.FIRST_GRPC_PORT + portOffset + i));
        }
        return endpoints;
    }

    StrataProcess process() {
        return process;
    }

    /** Stops it with SIGTERM (clean shutdown, JFR recording written). */
    void stop() throws InterruptedException {
        process.stop();
    }

    @Override
    public void close() {
        process.close();
    }
}
