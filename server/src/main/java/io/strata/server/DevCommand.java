package io.strata.server;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code strata dev}: the embedded three-zone cluster. Until the replicated cluster is wired, it
 * says so plainly instead of pretending to start.
 */
@Command(name = "dev", description = "Run an embedded ZooKeeper and three nodes (zones a, b, c) on loopback.")
final class DevCommand implements Callable<Integer> {
    static final int NOT_AVAILABLE = 3;

    @Override
    public Integer call() {
        System.err.println("strata dev: the embedded cluster is not available in this build yet "
                + "(the replicated-cluster work has not landed). See README.md for what works today.");
        return NOT_AVAILABLE;
    }
}
