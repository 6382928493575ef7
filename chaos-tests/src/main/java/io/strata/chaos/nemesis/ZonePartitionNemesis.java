package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.network.NetworkPartitioner;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Cuts one whole zone off from the others (a zone outage as the network sees it). */
public final class ZonePartitionNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.ZONE_PARTITION;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return cluster.network().isPresent() ? Optional.empty()
                : Optional.of("nodes share one network (loopback fallback): partitions need network namespaces");
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        NetworkPartitioner network = cluster.network().orElseThrow();
        List<String> zones = Targets.zones(cluster);
        String zone = zones.get(fault.target() % zones.size());
        Set<String> isolated = Targets.nodesIn(cluster, zone);
        network.partition(List.of(isolated, Targets.allBut(cluster, isolated)));
        return Nemesis.injection("isolate zone " + zone + " " + isolated, network::heal);
    }
}
