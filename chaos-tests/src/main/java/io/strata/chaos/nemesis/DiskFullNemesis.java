package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.disk.TmpfsVolume;
import java.util.Optional;

/** Fills one node's data volume: its journal and log appends fail with "No space left on device". */
public final class DiskFullNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.DISK_FULL;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return cluster.nodes().stream().anyMatch(node -> cluster.dataVolume(node.name()).isPresent())
                ? Optional.empty()
                : Optional.of("no node has a tmpfs data directory (enable data volumes)");
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        String node = Targets.node(cluster, fault);
        Optional<TmpfsVolume> volume = cluster.dataVolume(node);
        if (volume.isEmpty()) {
            return Nemesis.injection("disk full skipped: " + node + " has no data volume", () -> {});
        }
        long bytes = volume.get().fill();
        return Nemesis.injection("fill data volume of " + node + " (" + bytes + " bytes)", volume.get()::release);
    }
}
