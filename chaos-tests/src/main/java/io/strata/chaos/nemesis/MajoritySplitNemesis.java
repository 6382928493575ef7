package io.strata.chaos.nemesis;

import io.strata.chaos.cluster.ClusterUnderTest;
import io.strata.chaos.network.NetworkPartitioner;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits the nodes into a minority and a majority that cannot reach each other, across zones: the
 * minority must stop acknowledging writes, the majority must go on.
 */
public final class MajoritySplitNemesis implements Nemesis {
    @Override
    public FaultKind kind() {
        return FaultKind.MAJORITY_SPLIT;
    }

    @Override
    public Optional<String> unavailableReason(ClusterUnderTest cluster) {
        return cluster.network().isPresent() ? Optional.empty()
                : Optional.of("nodes share one network (loopback fallback): partitions need network namespaces");
    }

    @Override
    public Injection inject(ClusterUnderTest cluster, ScheduledFault fault) {
        NetworkPartitioner network = cluster.network().orElseThrow();
        Set<String> minority = Targets.minority(cluster, fault);
        Set<String> majority = Targets.allBut(cluster, minority);
        network.partition(List.of(minority, majority));
        return Nemesis.injection("split minority " + minority + " from majority " + majority, network::heal);
    }
}
