package io.strata.chaos.cluster;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One node of the cluster under test.
 *
 * @param address where clients and peers reach it, {@code host:port}
 * @param dataDirectory its data directory (a small tmpfs when disk-full faults are enabled)
 */
public record ClusterNode(String name, String zone, String address, Path dataDirectory) {
    public ClusterNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
    }
}
